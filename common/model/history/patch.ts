/**
 * Structural patches between two documents. Objects are compared key by key (short-cutting on
 * identity, so structurally shared documents diff fast); arrays and other values are replaced whole.
 * A patch applied to a document containing its `before` values gives its `after` values, and the
 * inverse patch undoes it, leaving untouched parts (such as changes made by services since) alone.
 */
export type PatchPath = readonly string[];

export interface PatchEntry {
  path: PatchPath;
  /** undefined: the key did not exist. */
  before: unknown;
  after: unknown;
}

export type Patch = readonly PatchEntry[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function diff(before: unknown, after: unknown, path: string[] = []): PatchEntry[] {
  if (Object.is(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const entries: PatchEntry[] = [];
    for (const key of Object.keys(before)) {
      if (!Object.prototype.hasOwnProperty.call(after, key)) {
        entries.push({ path: [...path, key], before: before[key], after: undefined });
      } else {
        entries.push(...diff(before[key], after[key], [...path, key]));
      }
    }
    for (const key of Object.keys(after)) {
      if (!Object.prototype.hasOwnProperty.call(before, key)) {
        entries.push({ path: [...path, key], before: undefined, after: after[key] });
      }
    }
    return entries;
  }
  if (deepEqual(before, after)) return [];
  return [{ path, before, after }];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((value, index) => deepEqual(value, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

export function valueAt(root: unknown, path: PatchPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Copies along the path (structural sharing elsewhere) and sets or deletes the value at its end. */
function setAt(root: unknown, path: PatchPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const node = isPlainObject(root) ? root : {};
  const copy: Record<string, unknown> = { ...node };
  const child = setAt(node[head], rest, value);
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy;
}

export type PatchDirection = 'forward' | 'backward';

/** The entries whose current value is not what the patch expects (changed by someone else since). */
export function conflicts(document: unknown, patch: Patch, direction: PatchDirection): PatchEntry[] {
  return patch.filter(
    (entry) =>
      !deepEqual(valueAt(document, entry.path), direction === 'forward' ? entry.before : entry.after),
  );
}

export function applyPatch<T>(document: T, patch: Patch, direction: PatchDirection): T {
  const ordered = direction === 'forward' ? patch : [...patch].reverse();
  let result: unknown = document;
  for (const entry of ordered) {
    result = setAt(result, entry.path, direction === 'forward' ? entry.after : entry.before);
  }
  return result as T;
}
