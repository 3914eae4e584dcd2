import type { PlanInvocation, RenderPlan } from './renderPlan';

/** Maps a symbolic path (`@asset/…`, `@editReady/…`, `@work/…`, `@output`) to a real one. */
export type PathResolver = (token: string) => string;

const keep: PathResolver = (token) => token;

/** The argument list ffmpeg receives for one invocation (inputs, globals, -y, graph, outputs). */
export function invocationArgs(invocation: PlanInvocation, resolve: PathResolver = keep): string[] {
  return [
    ...invocation.inputs.flatMap((input) => [...input.options, '-i', resolve(input.path)]),
    ...invocation.globalOptions,
    '-y',
    ...(invocation.filterComplex ? ['-filter_complex', invocation.filterComplex] : []),
    ...invocation.outputs.flatMap((output) => [...output.options, resolve(output.path)]),
  ];
}

/** One argv per step, in plan order; paths stay symbolic unless a resolver is given. */
export function planToArgs(plan: RenderPlan, resolve: PathResolver = keep): string[][] {
  return plan.steps.map((step) => invocationArgs(step.invocation, resolve));
}

/** Resolves the paths of a plan's invocation (the runner takes real paths). */
export function resolveInvocation(invocation: PlanInvocation, resolve: PathResolver): PlanInvocation {
  return {
    inputs: invocation.inputs.map((input) => ({ ...input, path: resolve(input.path) })),
    globalOptions: invocation.globalOptions,
    filterComplex: invocation.filterComplex,
    outputs: invocation.outputs.map((output) => ({ ...output, path: resolve(output.path) })),
  };
}

/** A concat list with its `file` lines resolved and quoted for the concat demuxer. */
export function resolveConcatList(text: string, resolve: PathResolver): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('file ')) return line;
      const name = line.slice(5);
      const path = name.startsWith('@') ? resolve(name) : name;
      return `file '${path.replaceAll("'", "'\\''")}'`;
    })
    .join('\n');
}
