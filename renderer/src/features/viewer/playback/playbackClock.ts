/**
 * The transport: playing or not, the shuttle rate (J K L), and the exact (fractional) frame while
 * playing. The integer playhead lives in the UI store; the clock writes it on every animation frame
 * and reads it back when the user moves it. One clock per editor (created by PlaybackProvider).
 */
export interface PlaybackState {
  playing: boolean;
  /** Frames per frame of real time: 1 is normal speed, negative plays backwards (J). */
  rate: number;
}

export interface PlaybackClockOptions {
  /** Frames per second of the sequence. */
  fps: number;
  /** The last frame playback may reach (exclusive). */
  endFrame: number;
  getPlayhead: () => number;
  setPlayhead: (frame: number) => void;
  now?: () => number;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
}

export interface PlaybackClock {
  getState(): PlaybackState;
  subscribe(listener: () => void): () => void;
  /** The fractional frame now (the playhead while stopped). */
  exactFrame(): number;
  play(rate?: number): void;
  pause(): void;
  toggle(): void;
  /** J (backwards), K (stop), L (forwards): repeated J or L doubles the speed up to 8×. */
  shuttle(direction: -1 | 0 | 1): void;
  /** Moves the playhead (stepping, scrubbing, Home/End); keeps playing from there if playing. */
  seek(frame: number): void;
  /** The sequence's rate and length changed. */
  configure(limits: { fps: number; endFrame: number }): void;
  dispose(): void;
}

const maxShuttle = 8;

export function createPlaybackClock(options: PlaybackClockOptions): PlaybackClock {
  const now = options.now ?? (() => performance.now());
  const requestFrame = options.requestFrame ?? ((callback) => requestAnimationFrame(callback));
  const cancelFrame = options.cancelFrame ?? ((handle) => cancelAnimationFrame(handle));
  let state: PlaybackState = { playing: false, rate: 1 };
  let fps = options.fps;
  let endFrame = options.endFrame;
  let anchorFrame = 0;
  let anchorTime = 0;
  let handle: number | null = null;
  const listeners = new Set<() => void>();

  const emit = (next: PlaybackState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const exactFrame = (): number => {
    if (!state.playing) return options.getPlayhead();
    const elapsedSeconds = (now() - anchorTime) / 1000;
    return anchorFrame + elapsedSeconds * fps * state.rate;
  };

  const tick = () => {
    handle = null;
    if (!state.playing) return;
    const frame = exactFrame();
    const end = endFrame;
    if (frame >= end || frame < 0) {
      options.setPlayhead(Math.max(0, Math.min(end, Math.round(frame))));
      emit({ playing: false, rate: 1 });
      return;
    }
    options.setPlayhead(Math.floor(frame));
    handle = requestFrame(tick);
  };

  const start = (rate: number) => {
    anchorFrame = state.playing ? exactFrame() : options.getPlayhead();
    if (rate > 0 && anchorFrame >= endFrame - 1) anchorFrame = 0;
    anchorTime = now();
    emit({ playing: true, rate });
    if (handle === null) handle = requestFrame(tick);
  };

  const stop = () => {
    if (!state.playing) return;
    options.setPlayhead(Math.floor(exactFrame()));
    if (handle !== null) cancelFrame(handle);
    handle = null;
    emit({ playing: false, rate: 1 });
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exactFrame,
    play: (rate = 1) => start(rate),
    pause: stop,
    toggle: () => (state.playing ? stop() : start(1)),
    shuttle(direction) {
      if (direction === 0) return stop();
      const current = state.playing ? state.rate : 0;
      const sameWay = Math.sign(current) === direction;
      const speed = sameWay ? Math.min(maxShuttle, Math.abs(current) * 2) : 1;
      start(direction * speed);
    },
    seek(frame) {
      const clamped = Math.max(0, Math.round(frame));
      options.setPlayhead(clamped);
      if (state.playing) {
        anchorFrame = clamped;
        anchorTime = now();
      }
    },
    configure(limits) {
      fps = limits.fps;
      endFrame = limits.endFrame;
    },
    dispose() {
      if (handle !== null) cancelFrame(handle);
      listeners.clear();
    },
  };
}
