import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import-boundary rule, run on source text as if it sat at the given path.
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', { timeout: 60_000 }, () => {
  it('fails a renderer file that imports from main/', async () => {
    const messages = await lint(
      'renderer/src/bad.ts',
      "import { createCore } from '../../main/core/createCore';\nexport const x = createCore;\n",
    );
    expect(messages.join('\n')).toMatch(/never imports main/);
  });

  it('fails a renderer file that imports node:fs or electron', async () => {
    expect(
      await lint('renderer/src/bad.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"),
    ).not.toHaveLength(0);
    expect(
      await lint(
        'renderer/src/bad.ts',
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('keeps common/ pure and electron inside main/electron/', async () => {
    expect(
      await lint('common/model/bad.ts', "import { join } from 'node:path';\nexport const x = join;\n"),
    ).not.toHaveLength(0);
    expect(
      await lint('common/model/bad.ts', "import { x } from '../../main/core/y';\nexport const y = x;\n"),
    ).not.toHaveLength(0);
    expect(
      await lint('main/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).not.toHaveLength(0);
    expect(
      await lint('main/electron/fine.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toHaveLength(0);
    expect(
      await lint(
        'renderer/src/fine.ts',
        "import { ok } from '../../common/contract';\nexport const x = ok;\n",
      ),
    ).toHaveLength(0);
  });
});
