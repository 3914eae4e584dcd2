import { useState, type DragEvent } from 'react';
import type { EditCommandInput, ProjectSnapshot, Result } from '../../../../../common/contract';
import { newId, type Project, type Sequence, type TransitionKind } from '../../../../../common/model';
import { hasAssetDrag, readAssetDrag } from '../../bin/dragTypes';
import { collectSnapTargets, nearestSnap } from '../geometry/snapping';
import { xToFrame, type TimeScale } from '../geometry/timeScale';
import type { SequenceLayout } from '../geometry/trackLayout';
import { rowAtY, type TrackRow } from '../geometry/trackRows';
import { nearestCut } from './limits';
import { defaultTrackFor, newClipFromAsset } from './newClip';

/** The drag type of the transitions palette: JSON { kind }. */
export const transitionDragType = 'application/x-shotloom-transition';

export interface DropPreview {
  dropCut: { trackId: string; frame: number } | null;
  dropClip: { trackId: string; startFrame: number; durationFrames: number; insert: boolean } | null;
}

const none: DropPreview = { dropCut: null, dropClip: null };

/**
 * Drops on the lanes: a transition from the palette onto a cut, or a clip from the bin (overwrite;
 * insert with Ctrl/Cmd held), snapped to cuts, markers and the playhead.
 */
export function useLaneDrops(options: {
  document: Project;
  sequence: Sequence;
  layout: SequenceLayout;
  rows: readonly TrackRow[];
  scale: TimeScale;
  scrollTop: number;
  playheadFrame: number;
  transitionFrames: number;
  edit: (command: EditCommandInput, coalesceKey?: string) => Promise<Result<ProjectSnapshot>>;
  select: (ids: string[]) => void;
  report: (message: string | null) => void;
}) {
  const [preview, setPreview] = useState<DropPreview>(none);
  const { layout, rows, scale, scrollTop, sequence } = options;

  const place = (event: DragEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top + scrollTop;
    const row = rowAtY(rows, y);
    return { x, row, frame: xToFrame(x, scale) };
  };

  const cutUnder = (event: DragEvent<HTMLElement>) => {
    const { row, frame } = place(event);
    if (!row) return null;
    return nearestCut(layout, row.trackId, frame, 14 / scale.pxPerFrame);
  };

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    const types = Array.from(event.dataTransfer.types);
    if (types.includes(transitionDragType)) {
      const cut = cutUnder(event);
      event.preventDefault();
      event.dataTransfer.dropEffect = cut ? 'copy' : 'none';
      setPreview({ dropCut: cut ? { trackId: cut.left.trackId, frame: cut.frame } : null, dropClip: null });
      return;
    }
    if (hasAssetDrag(event.dataTransfer)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      const { row, frame } = place(event);
      const targets = collectSnapTargets(layout, {
        markers: sequence.markers.map((marker) => marker.frame),
        playheadFrame: options.playheadFrame,
        marks: [],
      });
      const snapped = nearestSnap(targets, frame, 8 / scale.pxPerFrame)?.frame ?? frame;
      setPreview({
        dropCut: null,
        dropClip: row
          ? {
              trackId: row.trackId,
              startFrame: snapped,
              durationFrames: 0,
              insert: event.ctrlKey || event.metaKey,
            }
          : null,
      });
    }
  };

  const onDragLeave = () => setPreview(none);

  const onDrop = async (event: DragEvent<HTMLElement>) => {
    const current = preview;
    setPreview(none);
    const raw = event.dataTransfer.getData(transitionDragType);
    if (raw) {
      event.preventDefault();
      const cut = cutUnder(event);
      if (!cut) return options.report('Drop a transition on a cut between two touching clips.');
      const kind = (JSON.parse(raw) as { kind: TransitionKind }).kind;
      const id = newId('tr');
      const result = await options.edit({
        type: 'addTransition',
        sequenceId: sequence.id,
        leftItemId: cut.left.clip.id,
        kind,
        durationFrames: options.transitionFrames,
        id,
      });
      options.report(result.ok ? null : result.error.message);
      if (result.ok) options.select([id]);
      return;
    }
    const payload = readAssetDrag(event.dataTransfer);
    if (!payload) return;
    event.preventDefault();
    const asset = options.document.assets[payload.assetId];
    if (!asset) return options.report('That clip is not in this project.');
    const { row } = place(event);
    const rowTrack = row ? layout.tracks.find((track) => track.track.id === row.trackId)?.track : undefined;
    const wantsAudio = asset.kind === 'audio';
    const track =
      rowTrack && (rowTrack.kind === 'audio') === wantsAudio && !rowTrack.locked
        ? rowTrack
        : defaultTrackFor(sequence, asset);
    const clip = newClipFromAsset(asset, sequence, { shotId: payload.shotId });
    if (!track || !clip) return options.report('No unlocked track for this kind of clip.');
    const id = newId('clip');
    const frame = current.dropClip?.startFrame ?? place(event).frame;
    const result = await options.edit({
      type: event.ctrlKey || event.metaKey ? 'insertClip' : 'overwriteClip',
      sequenceId: sequence.id,
      trackId: track.id,
      frame,
      clip: { ...clip, id },
    });
    options.report(result.ok ? null : result.error.message);
    if (result.ok) options.select([id]);
  };

  return {
    dropPreview: preview,
    dropHandlers: { onDragOver, onDragLeave, onDrop: (event: DragEvent<HTMLElement>) => void onDrop(event) },
  };
}
