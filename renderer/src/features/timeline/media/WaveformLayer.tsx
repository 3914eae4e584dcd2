import { memo } from 'react';
import { clipRegions } from '../geometry/clipRegions';
import { clipBox } from '../draw/drawClips';
import { assetHasAudio, type LaneScene } from '../draw/scene';
import type { DrawnClip } from '../draw/visibleClips';
import { sourceSecondsAt } from '../../viewer/playback/sequenceTiming';
import { ClipWaveform } from './ClipWaveform';
import type { TimelineMediaCache } from './mediaCache';

/** Waveforms are drawn for clips at least this wide on screen, at most this many at once. */
const minWaveformPx = 24;
const maxWaveforms = 64;

/** The DOM layer of wavesurfer waveforms between the clip canvas and the overlay canvas. */
export const WaveformLayer = memo(function WaveformLayer({
  scene,
  clips,
  cache,
  version,
}: {
  scene: LaneScene;
  clips: readonly DrawnClip[];
  cache: TimelineMediaCache;
  version: number;
}) {
  void version; // re-render when peaks arrive
  // Waveforms sit in content coordinates inside one translated container: scrolling moves the
  // container, and every waveform keeps its props (so none re-renders).
  const content: LaneScene = {
    ...scene,
    scale: { pxPerFrame: scene.scale.pxPerFrame, scrollPx: 0 },
    scrollTop: 0,
  };
  return (
    <div className="waveform-layer" aria-hidden>
      <div
        className="waveform-content"
        style={{ transform: `translate(${-scene.scale.scrollPx}px, ${-scene.scrollTop}px)` }}
      >
        {clips.slice(0, 4 * maxWaveforms).map((drawn) => {
          if (drawn.ghost) return null;
          const asset = scene.assets[drawn.clip.assetId];
          if (!asset || !assetHasAudio(asset)) return null;
          const box = clipBox(content, drawn);
          if (box.width < minWaveformPx) return null;
          const sound = clipRegions(box, drawn.trackKind, true).sound;
          if (!sound || sound.height < 10) return null;
          // The committed clip's range, not the gesture preview's: a trim or slip in progress
          // stretches the waveform it has instead of asking wavesurfer for a new one every move.
          const placed = { clip: drawn.clip, trackId: drawn.trackId, index: 0, startFrame: 0, endFrame: 0 };
          const startSeconds = sourceSecondsAt(placed, 0, scene.rate, asset);
          const seconds = (drawn.clip.durationFrames * scene.rate.den) / scene.rate.num;
          const data = cache.clipPeaks(drawn.clip.id, asset.id, startSeconds, seconds);
          if (!data) return null;
          return (
            <ClipWaveform
              key={drawn.clip.id}
              clipId={drawn.clip.id}
              peaks={data.data}
              duration={data.duration}
              widthPx={sound.width}
              heightPx={sound.height - 2}
              left={sound.x}
              top={sound.y + 1}
              color={drawn.trackKind === 'audio' ? 'rgba(170, 240, 205, 0.85)' : 'rgba(150, 225, 190, 0.75)'}
            />
          );
        })}
      </div>
    </div>
  );
});
