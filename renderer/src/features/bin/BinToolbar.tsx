import { useState } from 'react';
import { IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { SegmentedControl } from '../../components/SegmentedControl';
import type { BinStatus } from './binEntries';
import type { BinQuery, BinSort } from './binQuery';

export type BinView = 'grid' | 'list';

const statusLabels: Record<BinStatus, string> = {
  imported: 'Imported',
  generated: 'Generated',
  missing: 'Missing',
  generating: 'Generating',
  failed: 'Failed',
};

const sortLabels: Record<BinSort, string> = {
  added: 'Date added',
  name: 'Name',
  duration: 'Duration',
  kind: 'Type',
};

/** Search, view, sort and the filter row of the bin. */
export function BinToolbar({
  query,
  onQueryChange,
  view,
  onViewChange,
  providers,
  folders,
  shots,
  onImport,
  onImportFolder,
  importing,
  searchRef,
}: {
  query: BinQuery;
  onQueryChange: (query: BinQuery) => void;
  view: BinView;
  onViewChange: (view: BinView) => void;
  providers: readonly string[];
  folders: readonly string[];
  shots: ReadonlyArray<{ id: string; name: string }>;
  onImport: () => void;
  onImportFolder: () => void;
  importing: boolean;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const set = (change: Partial<BinQuery>) => onQueryChange({ ...query, ...change });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = [
    query.kind !== 'all',
    query.status !== 'all',
    query.provider !== 'all',
    query.shotId !== 'all',
    query.folder !== 'all',
    query.favouritesOnly,
  ].filter(Boolean).length;
  return (
    <div className="bin-toolbar">
      <div className="bin-toolbar-row">
        <div className="search-box">
          <Icon name="search" size={13} />
          <input
            ref={searchRef}
            type="search"
            className="search-input"
            placeholder="Search media, shots, prompts"
            aria-label="Search the bin"
            value={query.text}
            onChange={(event) => set({ text: event.target.value })}
          />
        </div>
        <button
          type="button"
          className={`btn btn-ghost filter-toggle${filtersOpen ? ' is-pressed' : ''}`}
          aria-expanded={filtersOpen}
          aria-controls="bin-filters"
          aria-label={`Filters and sort${activeFilters ? `, ${activeFilters} active` : ''}`}
          title="Filters and sort"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          <Icon name="tag" size={14} />
          {activeFilters > 0 && <span className="filter-count">{activeFilters}</span>}
        </button>
        <IconButton
          icon="import"
          label="Import media (Ctrl+I)"
          onClick={onImport}
          disabled={importing}
          data-testid="bin-import"
        />
        <IconButton
          icon="folder"
          label="Import a folder"
          onClick={onImportFolder}
          disabled={importing}
          data-testid="bin-import-folder"
        />
        <SegmentedControl<BinView>
          label="Bin view"
          iconOnly
          value={view}
          onChange={onViewChange}
          segments={[
            { value: 'grid', label: 'Grid view', icon: 'grid' },
            { value: 'list', label: 'List view', icon: 'list' },
          ]}
        />
      </div>
      {filtersOpen && (
        <div className="bin-filters" id="bin-filters" role="group" aria-label="Filters and sort">
          <select
            className="chip-select"
            aria-label="Filter by type"
            value={query.kind}
            onChange={(event) => set({ kind: event.target.value as BinQuery['kind'] })}
          >
            <option value="all">All types</option>
            <option value="shot">Shots</option>
            <option value="video">Video</option>
            <option value="image">Images</option>
            <option value="audio">Audio</option>
          </select>
          <select
            className="chip-select"
            aria-label="Filter by status"
            value={query.status}
            onChange={(event) => set({ status: event.target.value as BinQuery['status'] })}
          >
            <option value="all">Any status</option>
            {(Object.keys(statusLabels) as BinStatus[]).map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
          <select
            className="chip-select"
            aria-label="Filter by provider"
            value={query.provider}
            onChange={(event) => set({ provider: event.target.value })}
          >
            <option value="all">Any provider</option>
            {providers.map((provider) => (
              <option key={provider} value={provider}>
                {provider}
              </option>
            ))}
          </select>
          <select
            className="chip-select"
            aria-label="Filter by shot"
            value={query.shotId}
            onChange={(event) => set({ shotId: event.target.value })}
          >
            <option value="all">Any shot</option>
            {shots.map((shot) => (
              <option key={shot.id} value={shot.id}>
                {shot.name}
              </option>
            ))}
          </select>
          {folders.length > 0 && (
            <select
              className="chip-select"
              aria-label="Filter by folder or tag"
              value={query.folder}
              onChange={(event) => set({ folder: event.target.value })}
            >
              <option value="all">All folders</option>
              {folders.map((folder) => (
                <option key={folder} value={folder}>
                  {folder}
                </option>
              ))}
            </select>
          )}
          <IconButton
            icon="star"
            label="Favourites only"
            pressed={query.favouritesOnly}
            filled={query.favouritesOnly}
            onClick={() => set({ favouritesOnly: !query.favouritesOnly })}
          />
          <select
            className="chip-select"
            aria-label="Sort by"
            value={query.sort}
            onChange={(event) => set({ sort: event.target.value as BinSort })}
          >
            {(Object.keys(sortLabels) as BinSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </select>
          <IconButton
            icon={query.descending ? 'chevronDown' : 'chevronRight'}
            label={query.descending ? 'Descending' : 'Ascending'}
            onClick={() => set({ descending: !query.descending })}
          />
          <IconButton
            icon="film"
            label="Group takes under shots"
            pressed={query.groupTakes}
            onClick={() => set({ groupTakes: !query.groupTakes })}
          />
        </div>
      )}
    </div>
  );
}

export { statusLabels };
