import { memo, type DragEvent } from 'react';
import { Badge, type BadgeTone } from '../../components/Badge';
import { IconButton } from '../../components/Button';
import { Icon, type IconName } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDuration } from '../../components/format';
import { AssetThumb } from './AssetThumb';
import type { BinEntry, BinStatus } from './binEntries';
import { statusLabels } from './BinToolbar';
import { writeAssetDrag } from './dragTypes';

const statusTones: Record<BinStatus, BadgeTone> = {
  imported: 'neutral',
  generated: 'accent',
  missing: 'warn',
  generating: 'busy',
  failed: 'danger',
};

const kindIcons: Record<BinEntry['mediaKind'], IconName> = {
  video: 'film',
  image: 'image',
  audio: 'audio',
  shot: 'sparkle',
};

export interface BinItemActions {
  onToggleExpand: (entry: BinEntry) => void;
  onToggleFavourite?: ((entry: BinEntry) => void) | undefined;
  onRelink?: ((entry: BinEntry) => void) | undefined;
}

/** Cards with a playable asset drag to the timeline (a shot drags its take in use). */
function canDrag(entry: BinEntry): boolean {
  return (
    entry.assetId !== null && entry.status !== 'missing' && (entry.type !== 'shot' || entry.takeId !== null)
  );
}

function startDrag(event: DragEvent, entry: BinEntry): void {
  if (!canDrag(entry) || entry.assetId === null) {
    event.preventDefault();
    return;
  }
  writeAssetDrag(event.dataTransfer, {
    assetId: entry.assetId,
    shotId: entry.shotId,
    takeId: entry.takeId,
    kind: entry.mediaKind === 'shot' ? 'video' : entry.mediaKind,
    durationSeconds: entry.durationSeconds ?? 0,
  });
}

/** The star that marks media as a favourite (shots have none: their takes do). */
function FavouriteToggle({ entry, actions }: { entry: BinEntry; actions: BinItemActions }) {
  const toggle = actions.onToggleFavourite;
  if (entry.type === 'shot' || entry.assetId === null || !toggle) {
    return entry.favourite ? <Icon name="star" size={13} filled className="fav-star" /> : null;
  }
  return (
    <IconButton
      icon="star"
      label={entry.favourite ? `Unmark ${entry.name} as favourite` : `Mark ${entry.name} as favourite`}
      pressed={entry.favourite}
      filled={entry.favourite}
      className={entry.favourite ? 'fav-toggle is-on' : 'fav-toggle'}
      tabIndex={-1}
      data-testid="bin-favourite"
      onClick={(event) => {
        event.stopPropagation();
        toggle(entry);
      }}
    />
  );
}

function subtitle(entry: BinEntry): string {
  if (entry.type === 'shot')
    return `${entry.takeCount} take${entry.takeCount === 1 ? '' : 's'} · ${entry.model ?? ''}`;
  if (entry.type === 'take') return `${entry.provider ?? ''} · ${entry.model ?? ''}`;
  return entry.originLabel ?? entry.mediaKind;
}

/** Badges: the status, "In use" for a shot's chosen take, the origin for derived stills. */
function Badges({ entry }: { entry: BinEntry }) {
  return (
    <span className="bin-badges">
      {entry.type !== 'shot' || entry.status !== 'generated' ? (
        <Badge tone={statusTones[entry.status]} title={entry.errorMessage ?? undefined}>
          {entry.status === 'imported' && entry.originLabel ? entry.originLabel : statusLabels[entry.status]}
        </Badge>
      ) : null}
      {entry.isSelectedTake && <Badge tone="ok">In use</Badge>}
    </span>
  );
}

/** A card of the grid view. */
export const BinCard = memo(function BinCard({
  entry,
  active,
  progress,
  actions,
}: {
  entry: BinEntry;
  active: boolean;
  progress: number | null | undefined;
  actions: BinItemActions;
}) {
  const isShot = entry.type === 'shot';
  return (
    <div
      className={`bin-card${isShot ? ' is-shot' : ''}${entry.type === 'take' ? ' is-take' : ''}${active ? ' is-active' : ''}`}
      draggable={canDrag(entry)}
      onDragStart={(event) => startDrag(event, entry)}
      data-testid="bin-item"
      data-key={entry.key}
      data-status={entry.status}
    >
      <div className="bin-card-thumb">
        <AssetThumb
          assetId={entry.status === 'missing' ? null : entry.assetId}
          kind={entry.mediaKind}
          durationSeconds={entry.durationSeconds}
        />
        <div className="bin-card-overlay-top">
          <Badges entry={entry} />
          {isShot ? (
            <span className="take-count" title={`${entry.takeCount} takes`}>
              <Icon name="film" size={11} /> {entry.takeCount}
            </span>
          ) : (
            <FavouriteToggle entry={entry} actions={actions} />
          )}
        </div>
        {entry.durationSeconds !== null && (
          <span className="bin-card-duration">{formatDuration(entry.durationSeconds)}</span>
        )}
        {entry.status === 'generating' && (
          <div className="bin-card-progress">
            <ProgressBar value={progress ?? null} label={`${entry.name} progress`} />
          </div>
        )}
      </div>
      <div className="bin-card-caption">
        {isShot && (
          <IconButton
            icon="chevronRight"
            label={`Show takes of ${entry.name}`}
            className="expand-toggle"
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              actions.onToggleExpand(entry);
            }}
          />
        )}
        <Icon name={kindIcons[entry.mediaKind]} size={12} className="kind-icon" />
        <span className="bin-card-name" title={entry.name}>
          {entry.name}
        </span>
        {entry.status === 'missing' && actions.onRelink && (
          <IconButton
            icon="link"
            label={`Relink ${entry.name}`}
            tabIndex={-1}
            onClick={() => actions.onRelink?.(entry)}
          />
        )}
      </div>
      <div className="bin-card-sub">{subtitle(entry)}</div>
    </div>
  );
});

/** A row of the list view. */
export const BinRow = memo(function BinRow({
  entry,
  active,
  expanded,
  progress,
  actions,
}: {
  entry: BinEntry;
  active: boolean;
  expanded: boolean;
  progress: number | null | undefined;
  actions: BinItemActions;
}) {
  const isShot = entry.type === 'shot';
  return (
    <div
      className={`bin-row${entry.type === 'take' ? ' is-take' : ''}${active ? ' is-active' : ''}`}
      draggable={canDrag(entry)}
      onDragStart={(event) => startDrag(event, entry)}
      data-testid="bin-item"
      data-key={entry.key}
      data-status={entry.status}
    >
      <span className="bin-row-disclosure">
        {isShot && (
          <IconButton
            icon={expanded ? 'chevronDown' : 'chevronRight'}
            label={`${expanded ? 'Hide' : 'Show'} takes of ${entry.name}`}
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              actions.onToggleExpand(entry);
            }}
          />
        )}
      </span>
      <div className="bin-row-thumb">
        <AssetThumb
          assetId={entry.status === 'missing' ? null : entry.assetId}
          kind={entry.mediaKind}
          durationSeconds={entry.durationSeconds}
        />
      </div>
      <div className="bin-row-main">
        <span className="bin-row-name" title={entry.name}>
          {entry.favourite && <Icon name="star" size={11} filled className="fav-star" />}
          {entry.name}
        </span>
        <span className="bin-row-sub">
          <Badges entry={entry} />
          <span className="bin-row-sub-text">{subtitle(entry)}</span>
        </span>
      </div>
      {entry.status === 'generating' && (
        <div className="bin-row-progress">
          <ProgressBar value={progress ?? null} label={`${entry.name} progress`} />
        </div>
      )}
      <span className="bin-row-duration">
        {entry.durationSeconds !== null ? formatDuration(entry.durationSeconds) : ''}
      </span>
      {!isShot && actions.onToggleFavourite && <FavouriteToggle entry={entry} actions={actions} />}
      {entry.status === 'missing' && actions.onRelink && (
        <IconButton
          icon="link"
          label={`Relink ${entry.name}`}
          tabIndex={-1}
          onClick={() => actions.onRelink?.(entry)}
        />
      )}
    </div>
  );
});
