import { extname, isAbsolute, resolve } from 'node:path';

/** The extension of a Shotloom project file, as registered with the OS by electron-builder.yml. */
export const projectFileExtension = '.shotloom';

export function isProjectFilePath(path: string): boolean {
  return extname(path).toLowerCase() === projectFileExtension;
}

/**
 * The project file a launch asks to open: the first argument that is not a switch and ends in
 * `.shotloom`, made absolute against the launching shell's working directory. Chromium may add or
 * reorder switches, so position is not relied on.
 */
export function projectFileFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-') || !isProjectFilePath(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return null;
}
