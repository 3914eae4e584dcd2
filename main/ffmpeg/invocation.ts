/**
 * One ffmpeg run, structured the way ffmpeg reads its command line: inputs with their options,
 * global options, an optional filter graph, outputs with their options. The render compiler emits
 * this; invocationToArgs() gives the exact argument list (for golden files and logs).
 */
export interface FfmpegInvocation {
  inputs: Array<{ path: string; options: string[] }>;
  globalOptions: string[];
  filterComplex: string | null;
  outputs: Array<{ path: string; options: string[] }>;
}

/** The argument list ffmpeg receives for an invocation (the same order fluent-ffmpeg builds). */
export function invocationToArgs(invocation: FfmpegInvocation): string[] {
  return [
    ...invocation.inputs.flatMap((input) => [...input.options, '-i', input.path]),
    ...invocation.globalOptions,
    '-y',
    ...(invocation.filterComplex ? ['-filter_complex', invocation.filterComplex] : []),
    ...invocation.outputs.flatMap((output) => [...output.options, output.path]),
  ];
}
