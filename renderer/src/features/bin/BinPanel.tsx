import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { VirtualGrid } from '../../components/VirtualGrid';
import { useMenuCommand } from '../../components/useMenuCommand';
import { useProjectState, useUiState } from '../../state';
import { useShortcuts } from '../../shortcuts';
import { buildBinEntries, type BinEntry } from './binEntries';
import { arrangeBin, defaultBinQuery, filterChoices, type BinQuery } from './binQuery';
import { AssetDetails } from './AssetDetails';
import { BinCard, BinRow, type BinItemActions } from './BinItem';
import { BinToolbar, type BinView } from './BinToolbar';
import { useAssetProperties } from './useAssetProperties';
import { useImport } from './useImport';
import { useJobProgress } from '../jobs/useJobs';
import './bin.css';

const gridGeometry = { minItemWidth: 118, rowHeight: 118 };
const listGeometry = { minItemWidth: 10_000, rowHeight: 44 };

/**
 * The clip bin: shots with their takes, and imported media, in a virtualised grid or list with
 * search, filters and sort. Selecting a shot or a take opens it in the inspector; cards drag to the
 * timeline; files dropped on the bin are imported.
 */
export function BinPanel() {
  const { snapshot } = useProjectState();
  const [selectedShotId, setUi] = useUiState((state) => state.selectedShotId);
  const [query, setQuery] = useState<BinQuery>(defaultBinQuery);
  const [view, setView] = useState<BinView>('grid');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const importer = useImport();
  const progress = useJobProgress();
  const assetEditor = useAssetProperties();

  const document = snapshot?.document ?? null;
  const missing = snapshot?.missingAssetIds;
  const entries = useMemo(
    () => (document ? buildBinEntries(document, new Set(missing ?? [])) : []),
    [document, missing],
  );
  const shown = useMemo(() => arrangeBin(entries, query, expanded), [entries, query, expanded]);
  const choices = useMemo(() => filterChoices(entries), [entries]);
  const shots = useMemo(
    () => (document ? document.shotOrder.map((id) => ({ id, name: document.shots[id]?.name ?? id })) : []),
    [document],
  );
  const activeIndex = shown.findIndex((entry) => entry.key === activeKey);
  const activeEntry = shown[activeIndex];
  const activeAsset =
    activeEntry && activeEntry.type !== 'shot' && activeEntry.assetId && document
      ? (document.assets[activeEntry.assetId] ?? null)
      : null;
  const assetFolders = useMemo(
    () =>
      document
        ? [
            ...new Set(
              Object.values(document.assets).flatMap((asset) => (asset.folder ? [asset.folder] : [])),
            ),
          ].sort()
        : [],
    [document],
  );

  const toggleExpand = useCallback((entry: BinEntry) => {
    if (!entry.shotId) return;
    const shotId = entry.shotId;
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(shotId)) next.delete(shotId);
      else next.add(shotId);
      return next;
    });
  }, []);

  const activate = useCallback(
    (index: number) => {
      const entry = shown[index];
      if (!entry) return;
      setActiveKey(entry.key);
      if (entry.shotId && entry.shotId !== selectedShotId) setUi({ selectedShotId: entry.shotId });
    },
    [shown, selectedShotId, setUi],
  );

  useMenuCommand('media.import', importer.pick);
  useShortcuts([
    {
      id: 'bin.import',
      keys: ['Mod+I'],
      description: 'Import media',
      group: 'Bin',
      run: () => importer.pick(),
    },
    {
      id: 'bin.search',
      keys: ['Mod+F'],
      description: 'Search the bin',
      group: 'Bin',
      run: () => searchRef.current?.focus(),
    },
  ]);

  const { relink } = importer;
  const setAssetProperties = assetEditor.set;
  const actions: BinItemActions = useMemo(
    () => ({
      onToggleExpand: toggleExpand,
      onRelink: relink,
      onToggleFavourite: (entry: BinEntry) => {
        if (entry.assetId) void setAssetProperties(entry.assetId, { favourite: !entry.favourite });
      },
    }),
    [toggleExpand, relink, setAssetProperties],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entry = shown[activeIndex];
    if (!entry) return;
    if (
      (event.key === 'ArrowRight' || event.key === 'ArrowLeft') &&
      view === 'list' &&
      entry.type === 'shot'
    ) {
      const open = expanded.has(entry.shotId ?? '');
      if ((event.key === 'ArrowRight') !== open) toggleExpand(entry);
      event.preventDefault();
    }
  };

  const onDragOver = (event: DragEvent) => {
    if (!Array.from(event.dataTransfer.types).includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    void importer.importFiles(Array.from(event.dataTransfer.files));
  };

  if (!document) return <p className="empty-state">No project open.</p>;

  return (
    <div
      className={dropping ? 'bin is-dropping' : 'bin'}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      data-testid="bin"
    >
      <BinToolbar
        query={query}
        onQueryChange={setQuery}
        view={view}
        onViewChange={setView}
        providers={choices.providers}
        folders={choices.folders}
        shots={shots}
        onImport={importer.pick}
        onImportFolder={importer.pickFolder}
        importing={importer.busy}
        searchRef={searchRef}
      />
      {importer.status && (
        <div className={importer.status.error ? 'bin-status is-error' : 'bin-status'} role="status">
          {importer.status.message}
        </div>
      )}
      {shown.length === 0 ? (
        <div className="bin-empty">
          {entries.length === 0 ? (
            <>
              <p>Drop video, images or audio here, or</p>
              <button type="button" className="btn btn-primary" onClick={importer.pick}>
                Import media…
              </button>
              <button type="button" className="btn" onClick={importer.pickFolder}>
                Import a folder…
              </button>
            </>
          ) : (
            <p>Nothing matches the search and filters.</p>
          )}
        </div>
      ) : (
        <VirtualGrid
          key={view}
          items={shown}
          getKey={(entry) => entry.key}
          label="Clip bin"
          testId="bin-grid"
          gap={view === 'grid' ? 8 : 1}
          {...(view === 'grid' ? gridGeometry : listGeometry)}
          activeIndex={activeIndex}
          onActiveIndexChange={activate}
          onActivate={(entry) => (entry.type === 'shot' ? toggleExpand(entry) : undefined)}
          onKeyDown={onKeyDown}
          renderItem={(entry, state) =>
            view === 'grid' ? (
              <BinCard
                entry={entry}
                active={state.active || (entry.type === 'shot' && entry.shotId === selectedShotId)}
                progress={entry.takeId ? progress.get(entry.takeId) : undefined}
                actions={actions}
              />
            ) : (
              <BinRow
                entry={entry}
                active={state.active}
                expanded={expanded.has(entry.shotId ?? '')}
                progress={entry.takeId ? progress.get(entry.takeId) : undefined}
                actions={actions}
              />
            )
          }
        />
      )}
      {activeAsset && (
        <AssetDetails key={activeAsset.id} asset={activeAsset} folders={assetFolders} editor={assetEditor} />
      )}
      <div className="bin-footer" aria-live="polite">
        {shown.length} of {entries.length} items
      </div>
      {importer.fileInput}
    </div>
  );
}
