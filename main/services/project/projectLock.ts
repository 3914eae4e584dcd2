import { readFile, unlink, open } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../common/contract';
import { fileError } from './fileErrors';
import { lockFileName } from './projectFolder';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** One per project service, so two cores in one process also see each other. */
  instance: string;
  host: string;
  openedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function describeOwner(owner: LockOwner): string {
  return `process ${owner.pid} on ${owner.hostname} (${owner.host}), since ${owner.openedAt}`;
}

/**
 * `.lock` in the project folder says who has the project open. A lock of a process that no longer
 * exists on this machine (or an unreadable lock) is taken over; a live one is refused with
 * PROJECT_LOCKED unless `takeOver` is set.
 */
export async function acquireLock(folder: string, me: LockOwner, takeOver: boolean): Promise<void> {
  const path = join(folder, lockFileName);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(error, 'Locking the project');
    }
    const owner = await readOwner(path);
    const mine = owner?.instance === me.instance;
    const stale = owner === null || (owner.hostname === me.hostname && !isAlive(owner.pid));
    if (!mine && !stale && !takeOver) {
      throw new AppError(
        'PROJECT_LOCKED',
        `This project is open in another Shotloom window or process (${describeOwner(owner)}). Close it there, or open it anyway.`,
        JSON.stringify(owner),
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw new AppError('PROJECT_LOCKED', 'The project lock could not be taken.');
}

/** Removes the lock if it is still ours. */
export async function releaseLock(folder: string, me: LockOwner): Promise<void> {
  const path = join(folder, lockFileName);
  const owner = await readOwner(path);
  if (owner?.instance === me.instance) await unlink(path).catch(() => undefined);
}

export function lockOwnerFor(instance: string, host: string): LockOwner {
  return { pid: process.pid, hostname: hostname(), instance, host, openedAt: new Date().toISOString() };
}
