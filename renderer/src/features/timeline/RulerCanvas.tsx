import { useLayoutEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import type { EditCommandInput, ProjectSnapshot, Result } from '../../../../common/contract';
import type { Sequence } from '../../../../common/model';
import { drawRuler, rulerHeightPx } from './draw/drawRuler';
import { prepareCanvas } from './draw/useCanvas';
import { frameToX, xToFrame, type TimeScale } from './geometry/timeScale';

/** The ruler: scrub by dragging, click a marker to go there, double-click it to rename it. */
export function RulerCanvas({
  sequence,
  scale,
  width,
  playheadFrame,
  onScrub,
  onScrubEnd,
  edit,
}: {
  sequence: Sequence;
  scale: TimeScale;
  width: number;
  playheadFrame: number;
  onScrub: (frame: number) => void;
  onScrubEnd: () => void;
  edit: (command: EditCommandInput, coalesceKey?: string) => Promise<Result<ProjectSnapshot>>;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scrubbing = useRef(false);
  const [renaming, setRenaming] = useState<{ markerId: string; name: string; x: number } | null>(null);

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element || width === 0) return;
    const context = prepareCanvas(element, width, rulerHeightPx);
    if (!context) return;
    drawRuler(context, {
      scale,
      width,
      rate: sequence.rate,
      playheadFrame,
      markers: sequence.markers,
      inFrame: sequence.inFrame,
      outFrame: sequence.outFrame,
    });
  });

  const markerNear = (x: number) =>
    sequence.markers.find((marker) => Math.abs(frameToX(marker.frame, scale) + 3 - x) <= 6);
  const localX = (event: PointerEvent<HTMLCanvasElement> | MouseEvent<HTMLCanvasElement>) =>
    event.clientX - event.currentTarget.getBoundingClientRect().left;

  return (
    <div className="timeline-ruler" style={{ height: rulerHeightPx }}>
      <canvas
        ref={canvas}
        data-testid="timeline-ruler"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          const x = localX(event);
          const marker = markerNear(x);
          event.currentTarget.setPointerCapture(event.pointerId);
          scrubbing.current = true;
          onScrub(marker ? marker.frame : xToFrame(x, scale));
        }}
        onPointerMove={(event) => {
          if (scrubbing.current) onScrub(xToFrame(localX(event), scale));
        }}
        onPointerUp={() => {
          scrubbing.current = false;
          onScrubEnd();
        }}
        onDoubleClick={(event) => {
          const marker = markerNear(localX(event));
          if (marker)
            setRenaming({ markerId: marker.id, name: marker.name, x: frameToX(marker.frame, scale) });
        }}
      />
      {renaming && (
        <input
          className="marker-rename"
          autoFocus
          data-testid="marker-rename"
          style={{ left: Math.max(0, renaming.x) }}
          value={renaming.name}
          onChange={(event) => setRenaming({ ...renaming, name: event.target.value })}
          onBlur={() => setRenaming(null)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setRenaming(null);
            if (event.key !== 'Enter') return;
            void edit({
              type: 'updateMarker',
              sequenceId: sequence.id,
              markerId: renaming.markerId,
              changes: { name: renaming.name },
            });
            setRenaming(null);
          }}
        />
      )}
    </div>
  );
}
