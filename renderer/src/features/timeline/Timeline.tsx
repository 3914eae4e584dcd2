import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useApi } from '../../api/ApiContext';
import { ExportButton } from '../export/ExportButton';
import { useProjectState, useUiState, useUiStore } from '../../state';
import { usePlaybackClock } from '../viewer/playback/PlaybackProvider';
import { ClipAccessLayer } from './ClipAccessLayer';
import { drawClip, drawLaneBackgrounds } from './draw/drawClips';
import { drawOverlay } from './draw/drawOverlay';
import type { LaneScene } from './draw/scene';
import { prepareCanvas } from './draw/useCanvas';
import { visibleClips } from './draw/visibleClips';
import { rulerTicks } from './geometry/rulerTicks';
import {
  clampPxPerFrame,
  clampScroll,
  fitScale,
  frameToX,
  visibleFrames,
  zoomAround,
  type TimeScale,
} from './geometry/timeScale';
import { stackRows } from './geometry/trackRows';
import { previewOf } from './interaction/dragPreview';
import { bladeCommands } from './interaction/editActions';
import { useLaneDrops } from './interaction/useLaneDrops';
import { useLaneGestures } from './interaction/useLaneGestures';
import { TimelineMediaCache } from './media/mediaCache';
import { WaveformLayer } from './media/WaveformLayer';
import { RulerCanvas } from './RulerCanvas';
import { DuckingControl } from '../sequence/DuckingControl';
import { TimelineToolbar } from './TimelineToolbar';
import { TrackHeaders } from './TrackHeaders';
import { useCurrentSequence, type CurrentSequence } from './useCurrentSequence';
import { useElementSize } from './useElementSize';
import { sendAsOneStep } from './interaction/editStep';
import { useTimelineShortcuts } from './useTimelineShortcuts';
import './timeline.css';

/** The timeline panel: the current sequence, or a hint when there is none. */
export function Timeline() {
  const current = useCurrentSequence();
  if (!current) return <p className="empty-state">No sequence: create or open a project.</p>;
  return <TimelineEditor current={current} />;
}

function TimelineEditor({ current }: { current: CurrentSequence }) {
  const { document, sequence, layout } = current;
  const api = useApi();
  const ui = useUiStore();
  const clock = usePlaybackClock();
  const { edit, editBatch, undo, redo, snapshot } = useProjectState();
  const [selectedIds, setUi] = useUiState((state) => state.selectedItemIds);
  const [playheadFrame] = useUiState((state) => state.playheadFrame);
  // Zoom and scroll change together in one state, so a zoom step is one render. The zoom is
  // mirrored into the UI store (below) for the rest of the editor.
  const [view, setView] = useState<TimeScale>(() => ({
    pxPerFrame: clampPxPerFrame(ui.getState().pixelsPerFrame),
    scrollPx: 0,
  }));
  const { pxPerFrame, scrollPx } = view;
  const setScrollPx = useCallback(
    (update: number | ((value: number) => number)) =>
      setView((current) => ({
        ...current,
        scrollPx: typeof update === 'function' ? update(current.scrollPx) : update,
      })),
    [],
  );
  useEffect(() => {
    if (ui.getState().pixelsPerFrame !== pxPerFrame) ui.set({ pixelsPerFrame: pxPerFrame });
  }, [ui, pxPerFrame]);
  const [scrollTop, setScrollTop] = useState(0);
  const [snapping, setSnapping] = useState(true);
  const [transitionFrames, setTransitionFrames] = useState(12);
  const [message, setMessage] = useState<string | null>(null);
  const [heightPreview, setHeightPreview] = useState<{ trackId: string; heightPx: number } | null>(null);
  const lanes = useRef<HTMLDivElement>(null);
  const baseCanvas = useRef<HTMLCanvasElement>(null);
  const overlayCanvas = useRef<HTMLCanvasElement>(null);
  const hScroll = useRef<HTMLDivElement>(null);
  const size = useElementSize(lanes);
  const [cache] = useState(() => new TimelineMediaCache(api));
  const mediaVersion = useSyncExternalStore(cache.subscribe, cache.getVersion);

  const select = useCallback((ids: string[]) => setUi({ selectedItemIds: ids }), [setUi]);
  const selection = useMemo(() => new Set(selectedIds), [selectedIds]);
  const { rows, totalHeight } = useMemo(
    () =>
      stackRows(
        heightPreview
          ? layout.tracks.map((track) =>
              track.track.id === heightPreview.trackId
                ? { ...track, track: { ...track.track, heightPx: heightPreview.heightPx } }
                : track,
            )
          : layout.tracks,
      ),
    [layout, heightPreview],
  );
  const contentFrames = Math.max(layout.durationFrames, 1);
  const scale: TimeScale = view;

  const setScale = useCallback(
    (next: TimeScale) =>
      setView({
        pxPerFrame: next.pxPerFrame,
        scrollPx: clampScroll(next.scrollPx, next.pxPerFrame, contentFrames, size.width),
      }),
    [contentFrames, size.width],
  );
  const zoomBy = useCallback(
    (factor: number, anchorX?: number) =>
      setView((current) => {
        const anchor =
          anchorX ?? Math.max(0, Math.min(size.width, frameToX(ui.getState().playheadFrame, current)));
        const next = zoomAround(current, factor, anchor);
        return {
          pxPerFrame: next.pxPerFrame,
          scrollPx: clampScroll(next.scrollPx, next.pxPerFrame, contentFrames, size.width),
        };
      }),
    [size.width, ui, contentFrames],
  );
  const fit = useCallback(
    () => setScale(fitScale(contentFrames, size.width)),
    [setScale, contentFrames, size.width],
  );

  // Fit once when a sequence first shows.
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (size.width === 0 || fittedFor.current === sequence.id) return;
    fittedFor.current = sequence.id;
    // Fitting needs the lanes' measured width, known only after layout.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (layout.durationFrames > 0) fit();
  }, [size.width, sequence.id, layout.durationFrames, fit]);

  const addMarker = useCallback(() => {
    const frame = ui.getState().playheadFrame;
    void edit({
      type: 'addMarker',
      sequenceId: sequence.id,
      marker: { frame, name: `Marker ${sequence.markers.length + 1}` },
    }).then((result) => setMessage(result.ok ? null : result.error.message));
  }, [edit, sequence.id, sequence.markers.length, ui]);
  const blade = useCallback(
    () =>
      void sendAsOneStep(
        { edit, editBatch },
        bladeCommands(sequence, layout, ui.getState().playheadFrame, ui.getState().selectedItemIds),
        setMessage,
        'Blade',
      ),
    [edit, editBatch, sequence, layout, ui],
  );
  const exportButton = useMemo(
    () => (
      <>
        <DuckingControl sequence={sequence} compact />
        <ExportButton sequence={sequence} durationFrames={layout.durationFrames} />
      </>
    ),
    [sequence, layout.durationFrames],
  );
  const onZoomTo = useCallback((value: number) => zoomBy(value / ui.getState().pixelsPerFrame), [zoomBy, ui]);
  const onZoomBy = useCallback((factor: number) => zoomBy(factor), [zoomBy]);
  const onUndo = useCallback(
    () => void undo().then((result) => setMessage(result.ok ? null : result.error.message)),
    [undo],
  );
  const onRedo = useCallback(
    () => void redo().then((result) => setMessage(result.ok ? null : result.error.message)),
    [redo],
  );
  // The length field sets new transitions' length, and the selected transitions' too.
  const onTransitionFrames = useCallback(
    (frames: number) => {
      setTransitionFrames(frames);
      const selected = ui
        .getState()
        .selectedItemIds.filter((id) =>
          layout.tracks.some((track) => track.transitions.some((placed) => placed.transition.id === id)),
        );
      if (selected.length === 0) return;
      // Typing a length is one undo step per transition (equal coalesce keys merge).
      for (const transitionId of selected) {
        void edit(
          { type: 'setTransition', sequenceId: sequence.id, transitionId, durationFrames: frames },
          `transition-length:${transitionId}`,
        ).then((result) => setMessage(result.ok ? null : result.error.message));
      }
    },
    [ui, layout, edit, sequence.id],
  );
  const onHeightPreview = useCallback(
    (trackId: string, heightPx: number | null) =>
      setHeightPreview(heightPx === null ? null : { trackId, heightPx }),
    [],
  );

  useTimelineShortcuts({
    sequence,
    layout,
    edit,
    editBatch,
    undo,
    redo,
    zoomBy: (factor) => zoomBy(factor),
    fit,
    toggleSnapping: () => setSnapping((on) => !on),
    addMarker,
    transitionFrames,
    report: setMessage,
  });

  const sceneBase = {
    layout,
    rows,
    scale,
    scrollTop,
    width: size.width,
    height: size.height,
    selection,
    assets: document.assets,
    filmstrip: cache.filmstrip,
    rate: sequence.rate,
    playheadFrame,
    markers: sequence.markers,
    inFrame: sequence.inFrame,
    outFrame: sequence.outFrame,
  };
  // Gestures read the scene without their own preview (hit testing happens on the committed layout).
  const staticScene: LaneScene = {
    ...sceneBase,
    preview: previewOf(layout, null),
    snap: null,
    marquee: null,
    dropCut: null,
    dropClip: null,
    volume: null,
    fade: null,
  };
  const staticClips = visibleClips(staticScene);
  const { gesture, handlers } = useLaneGestures({
    scene: staticScene,
    clips: staticClips,
    sequence,
    layout,
    rows,
    snapping,
    selection: selectedIds,
    select,
    edit,
    editBatch,
    report: setMessage,
  });
  const { dropPreview, dropHandlers } = useLaneDrops({
    document,
    sequence,
    layout,
    rows,
    scale,
    scrollTop,
    playheadFrame,
    transitionFrames,
    edit,
    select,
    report: setMessage,
  });
  const preview = useMemo(() => previewOf(layout, gesture), [layout, gesture]);
  const scene: LaneScene = {
    ...sceneBase,
    preview,
    snap: gesture && 'snap' in gesture ? gesture.snap : null,
    marquee: gesture?.kind === 'marquee' ? gesture : null,
    dropCut: dropPreview.dropCut,
    dropClip: dropPreview.dropClip,
    volume: gesture?.kind === 'volume' ? gesture : null,
    fade: gesture?.kind === 'fade' ? gesture : null,
  };
  const clips = gesture && gesture.kind !== 'marquee' ? visibleClips(scene) : staticClips;

  useLayoutEffect(() => {
    if (size.width === 0 || size.height === 0) return;
    const base = baseCanvas.current && prepareCanvas(baseCanvas.current, size.width, size.height);
    const overlay = overlayCanvas.current && prepareCanvas(overlayCanvas.current, size.width, size.height);
    if (!base || !overlay) return;
    const { startFrame, endFrame } = visibleFrames(scale, size.width);
    drawLaneBackgrounds(
      base,
      scene,
      rulerTicks(startFrame, endFrame, scale.pxPerFrame, sequence.rate.num / sequence.rate.den).majors,
    );
    for (const drawn of clips) drawClip(base, scene, drawn);
    drawOverlay(overlay, scene, clips);
  });

  // Wheel: Ctrl/Cmd zooms around the pointer, Shift or a sideways wheel scrolls time, else tracks.
  const wheelState = useRef({
    scale,
    totalHeight,
    height: size.height,
    zoomBy,
    contentFrames,
    width: size.width,
  });
  useLayoutEffect(() => {
    wheelState.current = {
      scale,
      totalHeight,
      height: size.height,
      zoomBy,
      contentFrames,
      width: size.width,
    };
  });
  useEffect(() => {
    const element = lanes.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const state = wheelState.current;
      if (event.ctrlKey || event.metaKey) {
        const x = event.clientX - element.getBoundingClientRect().left;
        state.zoomBy(Math.exp(-event.deltaY * 0.0025), x);
        return;
      }
      const horizontal = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
      if (horizontal !== 0)
        setScrollPx((value) =>
          clampScroll(value + horizontal, state.scale.pxPerFrame, state.contentFrames, state.width),
        );
      if (!event.shiftKey && event.deltaY !== 0) {
        const maxTop = Math.max(0, state.totalHeight + 40 - state.height);
        if (maxTop > 0) setScrollTop((value) => Math.max(0, Math.min(maxTop, value + event.deltaY)));
        else
          setScrollPx((value) =>
            clampScroll(value + event.deltaY, state.scale.pxPerFrame, state.contentFrames, state.width),
          );
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [setScrollPx]);

  // Keep the playhead in view while playing (page forward like an editor does).
  useEffect(
    () =>
      ui.subscribe(() => {
        const frame = ui.getState().playheadFrame;
        const pixelsPerFrame = wheelState.current.scale.pxPerFrame;
        const width = wheelState.current.width;
        const x = frameToX(frame, {
          pxPerFrame: pixelsPerFrame,
          scrollPx: wheelState.current.scale.scrollPx,
        });
        if (width > 0 && clock.getState().playing && (x > width - 20 || x < 0))
          setScrollPx(Math.max(0, frame * pixelsPerFrame - width * 0.1));
      }),
    [ui, clock, setScrollPx],
  );

  // The native horizontal scrollbar mirrors scrollPx.
  const contentWidth = contentFrames * pxPerFrame + size.width * 0.5;
  useLayoutEffect(() => {
    const element = hScroll.current;
    if (element && Math.abs(element.scrollLeft - scrollPx) > 1) element.scrollLeft = scrollPx;
  }, [scrollPx, contentWidth]);

  return (
    <div
      className="timeline"
      tabIndex={-1}
      data-testid="timeline"
      data-px-per-frame={pxPerFrame.toFixed(4)}
      data-scroll-px={Math.round(scrollPx)}
    >
      <TimelineToolbar
        pxPerFrame={pxPerFrame}
        onZoom={onZoomTo}
        onZoomBy={onZoomBy}
        onFit={fit}
        snapping={snapping}
        onSnapping={setSnapping}
        transitionFrames={transitionFrames}
        onTransitionFrames={onTransitionFrames}
        onBlade={blade}
        onMarker={addMarker}
        onUndo={onUndo}
        onRedo={onRedo}
        canUndo={snapshot?.canUndo ?? false}
        canRedo={snapshot?.canRedo ?? false}
        undoLabel={snapshot?.undoLabel ?? null}
        redoLabel={snapshot?.redoLabel ?? null}
        message={message}
        trailing={exportButton}
      />
      <div className="timeline-grid">
        <div className="timeline-corner">{sequence.name}</div>
        <RulerCanvas
          sequence={sequence}
          scale={scale}
          width={size.width}
          playheadFrame={playheadFrame}
          onScrub={(frame) => {
            clock.pause();
            clock.seek(frame);
          }}
          onScrubEnd={() => undefined}
          edit={edit}
        />
        <TrackHeaders
          sequence={sequence}
          layout={layout}
          rows={rows}
          scrollTop={scrollTop}
          edit={edit}
          onHeightPreview={onHeightPreview}
        />
        <div
          className="timeline-lanes"
          ref={lanes}
          data-testid="timeline-lanes"
          {...handlers}
          {...dropHandlers}
        >
          <canvas ref={baseCanvas} className="lanes-canvas" />
          <WaveformLayer scene={scene} clips={clips} cache={cache} version={mediaVersion} />
          <canvas ref={overlayCanvas} className="lanes-canvas" />
          <ClipAccessLayer scene={scene} clips={clips} />
        </div>
        <div className="timeline-corner timeline-corner-bottom" />
        <div
          className="timeline-hscroll"
          ref={hScroll}
          onScroll={(event) => setScrollPx(event.currentTarget.scrollLeft)}
        >
          <div style={{ width: contentWidth, height: 1 }} />
        </div>
      </div>
    </div>
  );
}
