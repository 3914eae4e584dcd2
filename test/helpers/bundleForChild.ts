import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';

/**
 * Bundles a TypeScript entry (and everything it imports) into one .mjs file a child `node` process
 * can run, with rolldown (shipped with vite). Fault tests run the real saving code in a child so it
 * can be killed with SIGKILL at any point.
 */
export async function bundleForChild(entry: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shotloom-child-'));
  const file = join(dir, 'child.mjs');
  await build({
    input: entry,
    platform: 'node',
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  return file;
}
