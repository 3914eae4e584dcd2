import { memo, useRef, type PointerEvent } from 'react';
import { ToolIcon } from './ToolIcon';
import type { EditCommandInput, ProjectSnapshot, Result } from '../../../../common/contract';
import type { Sequence, Track } from '../../../../common/model';
import type { SequenceLayout } from './geometry/trackLayout';
import type { TrackRow } from './geometry/trackRows';

/**
 * Track headers beside the lanes: name, mute, solo, lock, and a handle on the bottom edge that sets
 * the track's height (one undo step per drag).
 */
export const TrackHeaders = memo(function TrackHeaders({
  sequence,
  layout,
  rows,
  scrollTop,
  onHeightPreview,
  edit,
}: {
  sequence: Sequence;
  layout: SequenceLayout;
  rows: readonly TrackRow[];
  scrollTop: number;
  onHeightPreview: (trackId: string, heightPx: number | null) => void;
  edit: (command: EditCommandInput, coalesceKey?: string) => Promise<Result<ProjectSnapshot>>;
}) {
  const drag = useRef<{ trackId: string; startY: number; startHeight: number; height: number } | null>(null);
  const setTrack = (track: Track, changes: Partial<Pick<Track, 'muted' | 'solo' | 'locked' | 'heightPx'>>) =>
    void edit({ type: 'setTrack', sequenceId: sequence.id, trackId: track.id, changes });

  const onResizeDown = (event: PointerEvent<HTMLDivElement>, track: Track) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      trackId: track.id,
      startY: event.clientY,
      startHeight: track.heightPx,
      height: track.heightPx,
    };
  };
  const onResizeMove = (event: PointerEvent<HTMLDivElement>) => {
    const state = drag.current;
    if (!state) return;
    state.height = Math.max(24, Math.min(400, Math.round(state.startHeight + event.clientY - state.startY)));
    onHeightPreview(state.trackId, state.height);
  };
  const onResizeUp = () => {
    const state = drag.current;
    drag.current = null;
    if (!state) return;
    onHeightPreview(state.trackId, null);
    const track = layout.tracks.find((candidate) => candidate.track.id === state.trackId)?.track;
    if (track && state.height !== state.startHeight) setTrack(track, { heightPx: state.height });
  };

  return (
    <div className="track-headers" data-testid="track-headers">
      <div className="track-headers-inner" style={{ transform: `translateY(${-scrollTop}px)` }}>
        {layout.tracks.map(({ track }, index) => {
          const row = rows[index];
          if (!row) return null;
          return (
            <div
              key={track.id}
              className={`track-header track-header-${track.kind}${track.locked ? ' locked' : ''}`}
              style={{ top: row.top, height: row.height }}
              data-testid="track-header"
              data-track-id={track.id}
            >
              <span className="track-name" title={`${track.name} · ${track.role}`}>
                {track.name}
              </span>
              <span className="track-buttons">
                <button
                  type="button"
                  className={`track-toggle${track.muted ? ' on mute' : ''}`}
                  aria-pressed={track.muted}
                  title={track.kind === 'video' ? 'Hide this track' : 'Mute'}
                  onClick={() => setTrack(track, { muted: !track.muted })}
                >
                  {track.kind === 'video' ? <ToolIcon name="eye" size={12} /> : 'M'}
                </button>
                {track.kind === 'audio' && (
                  <button
                    type="button"
                    className={`track-toggle${track.solo ? ' on solo' : ''}`}
                    aria-pressed={track.solo}
                    title="Solo"
                    onClick={() => setTrack(track, { solo: !track.solo })}
                  >
                    S
                  </button>
                )}
                <button
                  type="button"
                  className={`track-toggle${track.locked ? ' on lock' : ''}`}
                  aria-pressed={track.locked}
                  title="Lock"
                  onClick={() => setTrack(track, { locked: !track.locked })}
                >
                  <ToolIcon name="lock" size={12} />
                </button>
              </span>
              <div
                className="track-resize"
                title="Drag to set the track height"
                onPointerDown={(event) => onResizeDown(event, track)}
                onPointerMove={onResizeMove}
                onPointerUp={onResizeUp}
                onPointerCancel={onResizeUp}
              />
            </div>
          );
        })}
        <div
          className="track-add"
          style={{ top: rows.length ? rows[rows.length - 1]!.top + rows[rows.length - 1]!.height + 4 : 0 }}
        >
          <button
            type="button"
            onClick={() => void edit({ type: 'addTrack', sequenceId: sequence.id, kind: 'video' })}
          >
            + Video
          </button>
          <button
            type="button"
            onClick={() => void edit({ type: 'addTrack', sequenceId: sequence.id, kind: 'audio' })}
          >
            + Audio
          </button>
        </div>
      </div>
    </div>
  );
});
