// Bundles a bench's engine entry (bench/<name>.ts) from the app's TypeScript source with rolldown,
// so a benchmark measures the same code the app ships. Packages stay external (node_modules).
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds bench/<name>.ts into bench-results/<name>.mjs and answers that file's path. */
export async function bundleEngine(name) {
  const enginePath = join(root, 'bench-results', `${name}.mjs`);
  await mkdir(dirname(enginePath), { recursive: true });
  await build({
    input: join(root, 'bench', `${name}.ts`),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    output: { file: enginePath, format: 'esm' },
    logLevel: 'silent',
  });
  return enginePath;
}
