import { useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { flushSync } from 'react-dom';
import type { EditCommandInput } from '../../../../../common/contract';
import { sendAsOneStep, type EditBatch, type EditOne } from './editStep';
import type { Keyframe, Sequence } from '../../../../../common/model';
import { clipsInRect, hitTest } from '../geometry/hitTest';
import { collectSnapTargets, nearestSnap, snapRange, type SnapTarget } from '../geometry/snapping';
import type { PlacedClip, SequenceLayout } from '../geometry/trackLayout';
import { rowAtY, type TrackRow } from '../geometry/trackRows';
import { clipRegions } from '../geometry/clipRegions';
import { clipBox } from '../draw/drawClips';
import { yToDb } from '../draw/palette';
import { assetHasAudio, type LaneScene } from '../draw/scene';
import type { DrawnClip } from '../draw/visibleClips';
import type { Gesture } from './gesture';
import {
  adjacentAfter,
  adjacentBefore,
  clampDelta,
  rollRange,
  slipRange,
  trimRange,
  type DeltaRange,
} from './limits';
import { soundHit } from './soundHit';

export interface LaneGestureContext {
  scene: LaneScene;
  clips: readonly DrawnClip[];
  sequence: Sequence;
  layout: SequenceLayout;
  rows: readonly TrackRow[];
  snapping: boolean;
  selection: readonly string[];
  select: (ids: string[]) => void;
  edit: EditOne;
  editBatch: EditBatch;
  report: (message: string | null) => void;
}

interface Pending {
  startX: number;
  startY: number;
  started: boolean;
  targets: SnapTarget[];
  plan:
    | { kind: 'move'; primary: PlacedClip; clipIds: string[]; minStart: number }
    | { kind: 'trim'; placed: PlacedClip; edge: 'start' | 'end'; ripple: boolean; range: DeltaRange }
    | { kind: 'roll'; left: PlacedClip; right: PlacedClip; range: DeltaRange }
    | { kind: 'slip'; placed: PlacedClip; range: DeltaRange }
    | { kind: 'marquee'; additive: boolean; base: string[] }
    | { kind: 'volume'; drawn: DrawnClip; startDb: number; keyframes: Keyframe[]; gainDb: number }
    | { kind: 'keyframe'; drawn: DrawnClip; index: number; keyframes: Keyframe[] }
    | { kind: 'fade'; drawn: DrawnClip; edge: 'in' | 'out'; startFrames: number };
}

const dragThresholdPx = 3;
const snapThresholdPx = 8;

/** Pointer gestures on the lanes: select, marquee, move, trim (ripple), roll, slip, volume and fades. */
export function useLaneGestures(context: LaneGestureContext) {
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const pending = useRef<Pending | null>(null);
  const latest = useRef(context);
  useLayoutEffect(() => {
    latest.current = context;
  });

  const local = (event: ReactPointerEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const commit = (commands: EditCommandInput[], label?: string) => {
    const { edit, editBatch, report } = latest.current;
    return sendAsOneStep({ edit, editBatch }, commands, report, label);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    const { scene, clips, layout, rows, selection, select, sequence } = latest.current;
    const { x, y } = local(event);
    const mod = event.ctrlKey || event.metaKey;
    capturePointer(event);
    const base = { startX: x, startY: y, started: false, targets: [] as SnapTarget[] };
    const sound = soundHit(scene, clips, x, y);
    if (sound) {
      const clip = sound.drawn.clip;
      if (sound.kind === 'keyframe' && event.altKey) {
        const keyframes = sound.keyframes.filter((_, index) => index !== sound.index);
        void commit([
          { type: 'setKeyframes', sequenceId: sequence.id, itemId: clip.id, parameter: 'volume', keyframes },
        ]);
        return;
      }
      if (sound.kind === 'line' && mod) {
        const keyframes = [
          ...clip.volumeKeyframes.filter((keyframe) => keyframe.frame !== sound.localFrame),
          { frame: sound.localFrame, value: Math.round(sound.db * 10) / 10 },
        ].sort((a, b) => a.frame - b.frame);
        void commit([
          { type: 'setKeyframes', sequenceId: sequence.id, itemId: clip.id, parameter: 'volume', keyframes },
        ]);
        return;
      }
      if (sound.kind === 'keyframe') {
        pending.current = {
          ...base,
          plan: { kind: 'keyframe', drawn: sound.drawn, index: sound.index, keyframes: sound.keyframes },
        };
      } else if (sound.kind === 'line') {
        pending.current = {
          ...base,
          plan: {
            kind: 'volume',
            drawn: sound.drawn,
            startDb: sound.db,
            keyframes: [...clip.volumeKeyframes],
            gainDb: clip.gainDb,
          },
        };
      } else {
        const audio = sound.drawn.trackKind === 'audio';
        const frames =
          sound.edge === 'in'
            ? audio
              ? clip.audioFadeInFrames
              : clip.videoFadeInFrames
            : audio
              ? clip.audioFadeOutFrames
              : clip.videoFadeOutFrames;
        pending.current = {
          ...base,
          plan: { kind: 'fade', drawn: sound.drawn, edge: sound.edge, startFrames: frames },
        };
      }
      return;
    }
    const hit = hitTest(layout, rows, scene.scale, x, y + scene.scrollTop);
    const lockedTrack = (trackId: string) =>
      layout.tracks.find((track) => track.track.id === trackId)?.track.locked ?? false;
    if (hit.kind === 'transition') {
      select([hit.placed.transition.id]);
      pending.current = null;
      return;
    }
    if (hit.kind === 'empty') {
      if (!event.shiftKey) select([]);
      pending.current = {
        ...base,
        plan: { kind: 'marquee', additive: event.shiftKey, base: event.shiftKey ? [...selection] : [] },
      };
      return;
    }
    const placed = hit.placed;
    const clipId = placed.clip.id;
    const asset = scene.assets[placed.clip.assetId];
    if (lockedTrack(placed.trackId)) {
      select([clipId]);
      pending.current = null;
      return;
    }
    const targetsExcluding = (ids: string[]) =>
      collectSnapTargets(layout, {
        markers: sequence.markers.map((marker) => marker.frame),
        playheadFrame: scene.playheadFrame,
        marks: [sequence.inFrame, sequence.outFrame],
        excludeClipIds: new Set(ids),
      });
    if (hit.zone !== 'body') {
      const edge = hit.zone === 'trimStart' ? 'start' : 'end';
      if (event.altKey) {
        const left = edge === 'end' ? placed : adjacentBefore(layout, placed);
        const right = edge === 'end' ? adjacentAfter(layout, placed) : placed;
        if (left && right) {
          pending.current = {
            ...base,
            targets: targetsExcluding([left.clip.id, right.clip.id]),
            plan: { kind: 'roll', left, right, range: rollRange(left, right, scene.assets, sequence) },
          };
          return;
        }
      }
      select([clipId]);
      pending.current = {
        ...base,
        targets: targetsExcluding([clipId]),
        plan: {
          kind: 'trim',
          placed,
          edge,
          ripple: mod,
          range: trimRange(layout, placed, asset, sequence, edge, mod),
        },
      };
      return;
    }
    if (event.altKey) {
      select([clipId]);
      pending.current = {
        ...base,
        plan: { kind: 'slip', placed, range: slipRange(placed, asset, sequence) },
      };
      return;
    }
    let ids: string[];
    if (event.shiftKey || mod)
      ids = selection.includes(clipId) ? selection.filter((id) => id !== clipId) : [...selection, clipId];
    else ids = selection.includes(clipId) ? [...selection] : [clipId];
    select(ids);
    const moving = ids.filter(
      (id) => layout.clipsById.has(id) && !lockedTrack(layout.clipsById.get(id)!.trackId),
    );
    if (!moving.includes(clipId)) {
      pending.current = null;
      return;
    }
    const minStart = Math.min(...moving.map((id) => layout.clipsById.get(id)!.startFrame));
    pending.current = {
      ...base,
      targets: targetsExcluding(moving),
      plan: { kind: 'move', primary: placed, clipIds: moving, minStart },
    };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    // A drag preview is direct manipulation: commit and draw it within this input's frame.
    const show = (next: Gesture) => flushSync(() => setGesture(next));
    const state = pending.current;
    if (!state) return;
    const { x, y } = local(event);
    if (!state.started && Math.hypot(x - state.startX, y - state.startY) < dragThresholdPx) return;
    state.started = true;
    const { scene, rows, layout, snapping, select } = latest.current;
    const px = scene.scale.pxPerFrame;
    const rawDelta = Math.round((x - state.startX) / px);
    const threshold = snapping && !event.shiftKey ? snapThresholdPx / px : -1;
    const plan = state.plan;
    switch (plan.kind) {
      case 'move': {
        const { primary } = plan;
        const snap =
          threshold >= 0
            ? snapRange(state.targets, primary.startFrame + rawDelta, primary.endFrame + rawDelta, threshold)
            : { delta: 0, target: null };
        const deltaFrames = Math.max(-plan.minStart, rawDelta + snap.delta);
        const row = rowAtY(rows, y + scene.scrollTop);
        const primaryKind = layout.tracks.find((track) => track.track.id === primary.trackId)?.track.kind;
        const rowTrack = row
          ? layout.tracks.find((track) => track.track.id === row.trackId)?.track
          : undefined;
        const toTrackId =
          rowTrack && rowTrack.kind === primaryKind && !rowTrack.locked ? rowTrack.id : primary.trackId;
        show({
          kind: 'move',
          clipIds: plan.clipIds,
          primaryClipId: primary.clip.id,
          deltaFrames,
          toTrackId,
          snap: snap.target,
        });
        return;
      }
      case 'trim': {
        const edgeFrame = plan.edge === 'start' ? plan.placed.startFrame : plan.placed.endFrame;
        const snapped = threshold >= 0 ? nearestSnap(state.targets, edgeFrame + rawDelta, threshold) : null;
        const deltaFrames = clampDelta(snapped ? snapped.frame - edgeFrame : rawDelta, plan.range);
        show({
          kind: 'trim',
          clipId: plan.placed.clip.id,
          edge: plan.edge,
          deltaFrames,
          ripple: plan.ripple,
          snap: snapped,
        });
        return;
      }
      case 'roll': {
        const snapped =
          threshold >= 0 ? nearestSnap(state.targets, plan.left.endFrame + rawDelta, threshold) : null;
        const deltaFrames = clampDelta(snapped ? snapped.frame - plan.left.endFrame : rawDelta, plan.range);
        show({
          kind: 'roll',
          leftClipId: plan.left.clip.id,
          rightClipId: plan.right.clip.id,
          deltaFrames,
          snap: snapped,
        });
        return;
      }
      case 'slip':
        // The picture follows the pointer: dragging right shows earlier source.
        show({
          kind: 'slip',
          clipId: plan.placed.clip.id,
          deltaFrames: clampDelta(-rawDelta, plan.range),
        });
        return;
      case 'marquee': {
        const rect = { x1: state.startX, y1: state.startY + scene.scrollTop, x2: x, y2: y + scene.scrollTop };
        show({ kind: 'marquee', ...rect, additive: plan.additive });
        const inside = clipsInRect(layout, rows, scene.scale, rect);
        select([...new Set([...plan.base, ...inside])]);
        return;
      }
      case 'volume': {
        const sound = soundArea(scene, plan.drawn);
        const deltaDb = yToDb(y, sound.y, sound.height) - yToDb(state.startY, sound.y, sound.height);
        const round = (value: number) => Math.round(Math.max(-60, Math.min(12, value)) * 10) / 10;
        show({
          kind: 'volume',
          clipId: plan.drawn.clip.id,
          gainDb: round(plan.gainDb + deltaDb),
          keyframes: plan.keyframes.map((keyframe) => ({
            ...keyframe,
            value: round(keyframe.value + deltaDb),
          })),
        });
        return;
      }
      case 'keyframe': {
        const sound = soundArea(scene, plan.drawn);
        const box = clipBox(scene, plan.drawn);
        const previous = plan.keyframes[plan.index - 1]?.frame ?? 0;
        const next = plan.keyframes[plan.index + 1]?.frame ?? plan.drawn.clip.durationFrames;
        const frame = Math.max(previous, Math.min(next, Math.round((x - box.x) / px)));
        const keyframes = plan.keyframes.map((keyframe, index) =>
          index === plan.index ? { frame, value: yToDb(y, sound.y, sound.height) } : keyframe,
        );
        show({ kind: 'volume', clipId: plan.drawn.clip.id, gainDb: plan.drawn.clip.gainDb, keyframes });
        return;
      }
      case 'fade': {
        const signed = plan.edge === 'in' ? rawDelta : -rawDelta;
        const frames = Math.max(0, Math.min(plan.drawn.clip.durationFrames, plan.startFrames + signed));
        show({ kind: 'fade', clipId: plan.drawn.clip.id, edge: plan.edge, frames });
        return;
      }
    }
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLElement>) => {
    const state = pending.current;
    pending.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    const current = gesture;
    setGesture(null);
    if (!state?.started || !current) return;
    const { sequence, layout } = latest.current;
    const sequenceId = sequence.id;
    switch (current.kind) {
      case 'move': {
        if (
          current.deltaFrames === 0 &&
          current.toTrackId === layout.clipsById.get(current.primaryClipId)?.trackId
        )
          return;
        const primaryTrack = layout.clipsById.get(current.primaryClipId)?.trackId;
        const sameTrack = current.clipIds.every((id) => layout.clipsById.get(id)?.trackId === primaryTrack);
        const ordered = current.clipIds
          .map((id) => layout.clipsById.get(id)!)
          .sort((a, b) =>
            current.deltaFrames > 0 ? b.startFrame - a.startFrame : a.startFrame - b.startFrame,
          );
        void commit(
          ordered.map((placed) => ({
            type: 'moveClip',
            sequenceId,
            itemId: placed.clip.id,
            toTrackId: sameTrack ? current.toTrackId : placed.trackId,
            toFrame: placed.startFrame + current.deltaFrames,
          })),
        );
        return;
      }
      case 'trim':
        if (current.deltaFrames !== 0)
          void commit([
            {
              type: 'trim',
              sequenceId,
              itemId: current.clipId,
              edge: current.edge,
              deltaFrames: current.deltaFrames,
              ripple: current.ripple,
            },
          ]);
        return;
      case 'roll':
        if (current.deltaFrames !== 0)
          void commit([
            { type: 'roll', sequenceId, leftItemId: current.leftClipId, deltaFrames: current.deltaFrames },
          ]);
        return;
      case 'slip':
        if (current.deltaFrames !== 0)
          void commit([
            { type: 'slip', sequenceId, itemId: current.clipId, deltaFrames: current.deltaFrames },
          ]);
        return;
      case 'volume': {
        const clip = layout.clipsById.get(current.clipId)?.clip;
        if (!clip) return;
        void commit([
          clip.volumeKeyframes.length > 0
            ? {
                type: 'setKeyframes',
                sequenceId,
                itemId: clip.id,
                parameter: 'volume',
                keyframes: current.keyframes,
              }
            : {
                type: 'setClipProperties',
                sequenceId,
                itemId: clip.id,
                properties: { gainDb: current.gainDb },
              },
        ]);
        return;
      }
      case 'fade': {
        const placed = layout.clipsById.get(current.clipId);
        if (!placed) return;
        const audio =
          layout.tracks.find((track) => track.track.id === placed.trackId)?.track.kind === 'audio';
        const property = audio
          ? current.edge === 'in'
            ? 'audioFadeInFrames'
            : 'audioFadeOutFrames'
          : current.edge === 'in'
            ? 'videoFadeInFrames'
            : 'videoFadeOutFrames';
        void commit([
          {
            type: 'setClipProperties',
            sequenceId,
            itemId: current.clipId,
            properties: { [property]: current.frames },
          },
        ]);
        return;
      }
      default:
        return;
    }
  };

  return { gesture, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp } };
}

/** Keeps the pointer while dragging; synthetic pointers (tests, benchmarks) cannot be captured. */
function capturePointer(event: ReactPointerEvent<HTMLElement>): void {
  try {
    event.currentTarget.setPointerCapture(event.pointerId);
  } catch {
    // not an active pointer: the drag still works while the pointer stays over the lanes
  }
}

function soundArea(scene: LaneScene, drawn: DrawnClip) {
  const box = clipBox(scene, drawn);
  return clipRegions(box, drawn.trackKind, assetHasAudio(scene.assets[drawn.clip.assetId])).sound ?? box;
}
