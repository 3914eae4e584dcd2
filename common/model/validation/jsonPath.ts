/** `$.sequences.seq_1.videoTracks[0].items[2]`: how problems in a document are located for people. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '$';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

/** The first problem found in a document. */
export interface DocumentProblem {
  /** A JSON path such as `$.shots.sh_1.selectedTakeId`. */
  path: string;
  message: string;
}
