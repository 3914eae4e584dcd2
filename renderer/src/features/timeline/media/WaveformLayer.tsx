import { memo } from 'react';
import { clipRegions } from '../geometry/clipRegions';
import { clipBox } from '../draw/drawClips';
import { assetHasAudio, type LaneScene } from '../draw/scene';
import type { DrawnClip } from '../draw/visibleClips';
import { sourceSecondsAt } from '../../viewer/playback/sequenceTiming';
import { ClipWaveform } from './ClipWaveform';
import type { TimelineMediaCache } from './mediaCache';

/** Waveforms are drawn for clips at least this wide on screen. */
const minWaveformPx = 12;

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
  return (
    <div className="waveform-layer" aria-hidden>
      {clips.map((drawn) => {
        if (drawn.ghost) return null;
        const asset = scene.assets[drawn.clip.assetId];
        if (!asset || !assetHasAudio(asset)) return null;
        const box = clipBox(scene, drawn);
        if (box.width < minWaveformPx) return null;
        const sound = clipRegions(box, drawn.trackKind, true).sound;
        if (!sound || sound.height < 10) return null;
        const placed = {
          clip: drawn.clip,
          trackId: drawn.trackId,
          index: 0,
          startFrame: drawn.startFrame,
          endFrame: drawn.endFrame,
        };
        const startSeconds = sourceSecondsAt(placed, drawn.startFrame + drawn.slipFrames, scene.rate, asset);
        const seconds = ((drawn.endFrame - drawn.startFrame) * scene.rate.den) / scene.rate.num;
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
  );
});
