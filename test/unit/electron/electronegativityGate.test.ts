import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';

// The CI gate (npm run security:electron) run for real, by Node, over small apps written here:
// it must fail on an unexplained finding, a stale allow-list entry and an inline suppression.
const gate = join(import.meta.dirname, '..', '..', '..', 'scripts', 'electronegativity.mjs');

interface Report {
  findings: number;
  unexplained: Array<{ id: string; file: string }>;
  stale: Array<{ check: string }>;
  inlineDisables: string[];
  parseErrors: unknown[];
}

function runGate(root: string): Promise<{ code: number; report: Report }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [gate, '--root', root, '--json'], { timeout: 60_000 }, (error, stdout) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code: error ? (error.code as number) : 0, report: JSON.parse(last) as Report });
      } catch {
        reject(new Error(`no report from the gate: ${stdout}`));
      }
    });
  });
}

async function writeApp(root: string, main: string, allow: unknown[]): Promise<void> {
  await mkdir(join(root, 'main'), { recursive: true });
  await writeFile(join(root, 'main', 'index.ts'), main);
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({ name: 'fixture', devDependencies: { electron: '39.5.0' } }),
  );
  await writeFile(join(root, '.electronegativity-allow.json'), JSON.stringify({ findings: allow }));
}

const insecureWindow = `import { BrowserWindow } from 'electron';
export const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`;

describe('Electronegativity gate', () => {
  it('fails on findings nobody explained, and names them', async () => {
    const dir = await makeTempDir();
    await writeApp(dir.path, insecureWindow, []);
    const { code, report } = await runGate(dir.path);
    expect(code).toBe(1);
    const ids = report.unexplained.map((issue) => issue.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
      ]),
    );
    expect(
      report.unexplained.every(
        (issue) => issue.file === 'main/index.ts' || issue.file === 'N/A' || issue.file === 'package.json',
      ),
    ).toBe(true);
    await dir.remove();
  }, 60_000);

  it('passes once every finding is explained, and fails again when an entry goes stale', async () => {
    const dir = await makeTempDir();
    await writeApp(dir.path, insecureWindow, []);
    const first = await runGate(dir.path);
    const explained = first.report.unexplained.map((issue) => ({
      check: issue.id,
      file: issue.file,
      reason: 'fixture',
    }));
    await writeApp(dir.path, insecureWindow, explained);
    const second = await runGate(dir.path);
    expect(second.report.unexplained).toEqual([]);
    expect(second.code).toBe(0);

    await writeApp(dir.path, insecureWindow, [
      ...explained,
      { check: 'SANDBOX_JS_CHECK', file: 'main/gone.ts', reason: 'old' },
    ]);
    const third = await runGate(dir.path);
    expect(third.code).toBe(1);
    expect(third.report.stale).toEqual([expect.objectContaining({ file: 'main/gone.ts' })]);
    await dir.remove();
  }, 90_000);

  it('refuses inline eng-disable comments', async () => {
    const dir = await makeTempDir();
    await writeApp(dir.path, `// eng-disable NODE_INTEGRATION_JS_CHECK\n${insecureWindow}`, []);
    const { code, report } = await runGate(dir.path);
    expect(code).toBe(1);
    expect(report.inlineDisables).toEqual(['main/index.ts']);
    await dir.remove();
  }, 60_000);
});
