import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliCommand } from '../cliCommand';
import { readDemoRecipe } from '../demo/demoRecipe';
import { runDemo } from '../demo/runDemo';
import { printResult } from '../output';
import { progressReporter } from '../progressBar';

/** resources/demo/demo.json, from the built CLI (out/main) or the sources. */
function recipePath(rendererDir: string): string {
  const candidates = [
    join(rendererDir, '..', '..', 'resources', 'demo', 'demo.json'),
    join(process.cwd(), 'resources', 'demo', 'demo.json'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--out DIR]',
  summary: 'the offline demo: six shots generated with the Animatic provider, cut, exported to MP4 and OTIO',
  options: { out: { type: 'string' } },
  async run({ core, io, values, rendererDir }) {
    const recipe = await readDemoRecipe(recipePath(rendererDir));
    const outputFolder = resolve(
      typeof values.out === 'string' ? values.out : join('demo-output', `shotloom-demo-${timestamp()}`),
    );
    const progress = progressReporter(io);
    const result = await runDemo(core, recipe, outputFolder, (label, fraction) =>
      progress.update(fraction, label),
    );
    progress.done();
    printResult(io, result, () =>
      [
        `Demo finished in ${result.seconds.toFixed(1)} s: ${result.takes} takes, ${result.sequenceFrames} frames.`,
        `  video:   ${result.videoPath}`,
        `  OTIO:    ${result.otioPath}`,
        `  project: ${result.projectFolder}  (open it in Shotloom)`,
      ].join('\n'),
    );
    return 0;
  },
};
