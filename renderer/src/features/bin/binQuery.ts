import type { BinEntry, BinMediaKind, BinStatus } from './binEntries';

export type BinSort = 'name' | 'added' | 'duration' | 'kind';

/** What the bin's toolbar asks for. UI state: never in the document, never undoable. */
export interface BinQuery {
  text: string;
  kind: BinMediaKind | 'all';
  provider: string | 'all';
  shotId: string | 'all';
  status: BinStatus | 'all';
  /** A folder name or a tag; 'all' for everything. */
  folder: string | 'all';
  favouritesOnly: boolean;
  sort: BinSort;
  descending: boolean;
  /** Show takes under their shot (collapsible); otherwise takes are plain rows. */
  groupTakes: boolean;
}

export const defaultBinQuery: BinQuery = {
  text: '',
  kind: 'all',
  provider: 'all',
  shotId: 'all',
  status: 'all',
  folder: 'all',
  favouritesOnly: false,
  sort: 'added',
  descending: false,
  groupTakes: true,
};

function matches(entry: BinEntry, query: BinQuery, words: readonly string[]): boolean {
  if (query.kind !== 'all') {
    const kind = entry.type === 'shot' ? 'shot' : entry.mediaKind;
    if (kind !== query.kind) return false;
  }
  if (query.provider !== 'all' && entry.provider !== query.provider) return false;
  if (query.shotId !== 'all' && entry.shotId !== query.shotId) return false;
  if (query.status !== 'all' && entry.status !== query.status) return false;
  if (query.folder !== 'all' && entry.folder !== query.folder && !entry.tags.includes(query.folder))
    return false;
  if (query.favouritesOnly && !entry.favourite) return false;
  return words.every((word) => entry.searchText.includes(word));
}

function compare(a: BinEntry, b: BinEntry, sort: BinSort): number {
  switch (sort) {
    case 'name':
      return a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });
    case 'duration':
      return (a.durationSeconds ?? -1) - (b.durationSeconds ?? -1);
    case 'kind':
      return a.mediaKind.localeCompare(b.mediaKind);
    case 'added':
      return (a.addedAt ?? '').localeCompare(b.addedAt ?? '');
  }
}

function sorted(entries: BinEntry[], query: BinQuery): BinEntry[] {
  const direction = query.descending ? -1 : 1;
  return entries.sort((a, b) => direction * compare(a, b, query.sort) || a.order - b.order);
}

/**
 * The entries to show, in order. Grouped: each shot that matches (or has a matching take) comes
 * first, followed by its matching takes when expanded (takes keep their take order), then media.
 * Ungrouped: matching takes and media sorted together, shots left out.
 */
export function arrangeBin(
  entries: readonly BinEntry[],
  query: BinQuery,
  expandedShotIds: ReadonlySet<string>,
): BinEntry[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const hit = (entry: BinEntry) => matches(entry, query, words);
  if (!query.groupTakes) {
    return sorted(
      entries.filter((entry) => entry.type !== 'shot' && hit(entry)),
      query,
    );
  }
  const takesByShot = new Map<string, BinEntry[]>();
  for (const entry of entries) {
    if (entry.type === 'take' && entry.shotId && hit(entry)) {
      const list = takesByShot.get(entry.shotId) ?? [];
      list.push(entry);
      takesByShot.set(entry.shotId, list);
    }
  }
  // Shots keep the storyboard order unless sorted by name or length.
  const shots = entries.filter(
    (entry) => entry.type === 'shot' && (hit(entry) || takesByShot.has(entry.shotId ?? '')),
  );
  if (query.sort === 'name' || query.sort === 'duration') sorted(shots, query);
  else shots.sort((a, b) => a.order - b.order);
  const result: BinEntry[] = [];
  for (const shot of shots) {
    result.push(shot);
    if (shot.shotId && expandedShotIds.has(shot.shotId)) result.push(...(takesByShot.get(shot.shotId) ?? []));
  }
  result.push(
    ...sorted(
      entries.filter((entry) => entry.type === 'asset' && hit(entry)),
      query,
    ),
  );
  return result;
}

/** The choices of the filter menus, from what the entries hold. */
export function filterChoices(entries: readonly BinEntry[]): {
  providers: string[];
  folders: string[];
} {
  const providers = new Set<string>();
  const folders = new Set<string>();
  for (const entry of entries) {
    if (entry.provider && entry.type !== 'shot') providers.add(entry.provider);
    if (entry.folder) folders.add(entry.folder);
    for (const tag of entry.tags) folders.add(tag);
  }
  return { providers: [...providers].sort(), folders: [...folders].sort() };
}
