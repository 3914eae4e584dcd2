import { memo } from 'react';
import { clipBox } from './draw/drawClips';
import type { LaneScene } from './draw/scene';
import type { DrawnClip } from './draw/visibleClips';

const minAccessibleWidthPx = 10;
const maxAccessibleClips = 150;

/**
 * An invisible list of the clips on screen over the canvas: screen readers read it, and tests find
 * clips by id and position through it. It never takes pointer events (the lanes handle those).
 */
export const ClipAccessLayer = memo(function ClipAccessLayer({
  scene,
  clips,
}: {
  scene: LaneScene;
  clips: readonly DrawnClip[];
}) {
  // Zoomed far out, hundreds of slivers help nobody: only clips wide enough to point at, at most 300.
  const listed =
    clips.length > maxAccessibleClips
      ? clips
          .filter(
            (drawn) => (drawn.endFrame - drawn.startFrame) * scene.scale.pxPerFrame >= minAccessibleWidthPx,
          )
          .slice(0, maxAccessibleClips)
      : clips;
  // Content coordinates in a translated list: scrolling changes one transform, not every item.
  const content: LaneScene = {
    ...scene,
    scale: { pxPerFrame: scene.scale.pxPerFrame, scrollPx: 0 },
    scrollTop: 0,
  };
  return (
    <ul
      className="clip-access-layer"
      aria-label="Clips in view"
      style={{ transform: `translate(${-scene.scale.scrollPx}px, ${-scene.scrollTop}px)` }}
    >
      {listed.map((drawn) => {
        if (drawn.ghost) return null;
        const box = clipBox(content, drawn);
        if (box.width < minAccessibleWidthPx) return null;
        return (
          <li
            key={drawn.clip.id}
            data-testid="timeline-clip"
            data-clip-id={drawn.clip.id}
            data-track-id={drawn.trackId}
            data-start-frame={drawn.startFrame}
            data-duration-frames={drawn.endFrame - drawn.startFrame}
            aria-selected={scene.selection.has(drawn.clip.id)}
            style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
          >
            {drawn.clip.name}
          </li>
        );
      })}
    </ul>
  );
});
