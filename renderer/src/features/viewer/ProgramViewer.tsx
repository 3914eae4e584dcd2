import { useEffect, useRef } from 'react';
import type { ShotloomApi } from '../../../../common/contract';
import type { Asset, Clip, Sequence, TransitionKind } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import type { SequenceLayout } from '../timeline/geometry/trackLayout';
import { AudioPool } from './playback/audioPool';
import { syncMediaElement } from './playback/mediaSync';
import { OverlayLayer } from './playback/overlayLayer';
import { playbackUrl } from './playback/playbackUrl';
import { usePlaybackClock } from './playback/PlaybackProvider';
import {
  firstVideoClipFrom,
  linearGainAt,
  nextClipAfter,
  overlaysAt,
  pictureAt,
  pictureOpacityAt,
  sourceSecondsAt,
} from './playback/sequenceTiming';
import { assignSlots, type VideoSlot } from './playback/videoSlots';

interface Shown {
  clipId: string;
  opacity: number;
  clipPath: string;
  zIndex: number;
}

/** How the two pictures of a transition mix at a progress 0..1. */
function mix(
  kind: TransitionKind,
  progress: number,
): { outgoing: number; incoming: number; clipPath: string } {
  switch (kind) {
    case 'dissolve':
      return { outgoing: 1, incoming: progress, clipPath: 'none' };
    case 'dipToBlack':
    case 'dipToWhite':
      return progress < 0.5
        ? { outgoing: 1 - progress * 2, incoming: 0, clipPath: 'none' }
        : { outgoing: 0, incoming: (progress - 0.5) * 2, clipPath: 'none' };
    case 'wipeLeft':
      return { outgoing: 1, incoming: 1, clipPath: `inset(0 0 0 ${(1 - progress) * 100}%)` };
    case 'wipeRight':
      return { outgoing: 1, incoming: 1, clipPath: `inset(0 ${(1 - progress) * 100}% 0 0)` };
    case 'wipeUp':
      return { outgoing: 1, incoming: 1, clipPath: `inset(${(1 - progress) * 100}% 0 0 0)` };
    case 'wipeDown':
      return { outgoing: 1, incoming: 1, clipPath: `inset(0 0 ${(1 - progress) * 100}% 0)` };
  }
}

/**
 * Plays the sequence: two alternating <video> elements (each with an <img> for stills) for gapless
 * cuts and previewed transitions on the picture track, the clips of the tracks above laid over it,
 * an audio pool for the audio tracks, all following the playback clock. Writes what it shows into
 * data attributes (active clip, source time, audio drift) for diagnostics and tests.
 */
export function ProgramViewer({
  sequence,
  layout,
  assets,
}: {
  sequence: Sequence;
  layout: SequenceLayout;
  assets: Record<string, Asset>;
}) {
  const api = useApi();
  const clock = usePlaybackClock();
  const frameRef = useRef<HTMLDivElement>(null);
  const videoA = useRef<HTMLVideoElement>(null);
  const videoB = useRef<HTMLVideoElement>(null);
  const stillA = useRef<HTMLImageElement>(null);
  const stillB = useRef<HTMLImageElement>(null);
  const latest = useRef({ sequence, layout, assets });
  useEffect(() => {
    latest.current = { sequence, layout, assets };
  }, [sequence, layout, assets]);

  useEffect(() => {
    const slots: VideoSlot[] = [
      { element: videoA.current!, still: stillA.current!, clipId: null, assetId: null },
      { element: videoB.current!, still: stillB.current!, clipId: null, assetId: null },
    ];
    const audio = new AudioPool((assetId) => api.host.mediaUrl(assetId));
    const overlays = new OverlayLayer(frameRef.current!, (asset) => playbackUrl(api.host, asset, asset.id));
    let handle = 0;
    const loop = () => {
      handle = requestAnimationFrame(loop);
      update(latest.current, slots, audio, overlays, clock, api, frameRef.current);
    };
    handle = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(handle);
      audio.dispose();
      overlays.dispose();
      for (const slot of slots) slot.element.pause();
    };
  }, [api, clock]);

  return (
    <div className="program-picture" ref={frameRef} data-testid="program-picture">
      <video
        ref={videoA}
        className="program-video"
        playsInline
        preload="auto"
        data-testid="program-video-a"
      />
      <video
        ref={videoB}
        className="program-video"
        playsInline
        preload="auto"
        data-testid="program-video-b"
      />
      <img ref={stillA} className="program-video" alt="" data-testid="program-still-a" />
      <img ref={stillB} className="program-video" alt="" data-testid="program-still-b" />
    </div>
  );
}

/** Shows one picture of the picture track: the transition's look times the clip's own opacity. */
function showPicture(element: HTMLElement, look: Shown, clip: Clip, localFrame: number): void {
  element.style.opacity = String(look.opacity * pictureOpacityAt(clip, localFrame));
  element.style.clipPath = look.clipPath;
  element.style.zIndex = String(look.zIndex);
  element.style.objectFit = clip.fit === 'fill' ? 'cover' : 'contain';
  element.style.visibility = 'visible';
}

function update(
  current: { sequence: Sequence; layout: SequenceLayout; assets: Record<string, Asset> },
  slots: VideoSlot[],
  audio: AudioPool,
  overlays: OverlayLayer,
  clock: ReturnType<typeof usePlaybackClock>,
  api: ShotloomApi,
  frameElement: HTMLDivElement | null,
): void {
  const { sequence, layout, assets } = current;
  const exact = clock.exactFrame();
  const frame = Math.floor(exact);
  const state = clock.getState();
  const fps = sequence.rate.num / sequence.rate.den;
  const picture = pictureAt(layout, frame);
  const shown = new Map<string, Shown>();
  const wanted = [];
  if (picture.kind === 'clip') {
    shown.set(picture.placed.clip.id, {
      clipId: picture.placed.clip.id,
      opacity: 1,
      clipPath: 'none',
      zIndex: 1,
    });
    wanted.push(picture.placed, nextClipAfter(layout, picture.placed));
  } else if (picture.kind === 'transition') {
    const amounts = mix(picture.transition.transition.kind, picture.progress);
    shown.set(picture.outgoing.clip.id, {
      clipId: picture.outgoing.clip.id,
      opacity: amounts.outgoing,
      clipPath: 'none',
      zIndex: 1,
    });
    shown.set(picture.incoming.clip.id, {
      clipId: picture.incoming.clip.id,
      opacity: amounts.incoming,
      clipPath: amounts.clipPath,
      zIndex: 2,
    });
    wanted.push(picture.outgoing, picture.incoming);
  } else {
    wanted.push(firstVideoClipFrom(layout, frame));
  }
  const assigned = assignSlots(slots, wanted);
  for (const placed of wanted) {
    if (!placed) continue;
    const slot = assigned.get(placed.clip.id);
    if (!slot) continue;
    const element = slot.element;
    const asset = assets[placed.clip.assetId];
    const isStill = asset?.kind === 'image';
    if (slot.assetId !== placed.clip.assetId) {
      slot.assetId = placed.clip.assetId;
      if (isStill) {
        slot.still.src = api.host.mediaUrl(placed.clip.assetId);
        element.removeAttribute('src');
      } else element.src = playbackUrl(api.host, asset, placed.clip.assetId);
    }
    const look = shown.get(placed.clip.id);
    const local = Math.min(placed.clip.durationFrames - 1, Math.max(0, exact - placed.startFrame));
    if (look && isStill) {
      // A still: its <img> shows, the slot's <video> stays hidden.
      showPicture(slot.still, look, placed.clip, local);
      slot.still.dataset.clipId = placed.clip.id;
      element.style.visibility = 'hidden';
      if (!element.paused) element.pause();
    } else if (look) {
      showPicture(element, look, placed.clip, local);
      slot.still.style.visibility = 'hidden';
      element.volume = linearGainAt(placed.clip, local) * (look.zIndex === 2 ? look.opacity : 1);
      element.dataset.clipId = placed.clip.id;
      syncMediaElement(element, {
        targetSeconds: sourceSecondsAt(placed, exact, sequence.rate, asset),
        playing: state.playing,
        rate: state.rate,
        frameSeconds: 1 / fps,
      });
    } else {
      // Parked on the next clip's first frame, hidden, ready for the cut.
      element.style.visibility = 'hidden';
      element.style.zIndex = '0';
      slot.still.style.visibility = 'hidden';
      if (isStill) continue;
      if (!element.paused) element.pause();
      const start = sourceSecondsAt(placed, placed.startFrame, sequence.rate, asset);
      if (Math.abs(element.currentTime - start) > 0.5 / fps && !element.seeking) element.currentTime = start;
    }
  }
  for (const slot of slots) {
    if (slot.clipId && !wanted.some((placed) => placed?.clip.id === slot.clipId)) {
      slot.element.style.visibility = 'hidden';
      slot.still.style.visibility = 'hidden';
      if (!slot.element.paused) slot.element.pause();
    }
  }
  const over = overlaysAt(layout, frame);
  overlays.update(over, {
    exactFrame: exact,
    sequenceRate: sequence.rate,
    assets,
    playing: state.playing,
    rate: state.rate,
  });
  audio.update(sequence, layout, assets, exact, state);
  if (frameElement) {
    // A dip to white passes through white, not the black behind the picture.
    const dipToWhite = picture.kind === 'transition' && picture.transition.transition.kind === 'dipToWhite';
    frameElement.style.background = dipToWhite ? '#fff' : '';
    frameElement.dataset.overlayClipIds = over.map((placed) => placed.clip.id).join(',');
    const top = [...shown.values()].sort((a, b) => b.zIndex - a.zIndex)[0];
    frameElement.dataset.activeClipId = top?.clipId ?? '';
    frameElement.dataset.frame = String(frame);
    frameElement.dataset.audioDriftMs = (audio.lastDriftSeconds * 1000).toFixed(1);
    const visible = top ? assigned.get(top.clipId)?.element : undefined;
    frameElement.dataset.videoTime = visible ? visible.currentTime.toFixed(3) : '';
  }
}
