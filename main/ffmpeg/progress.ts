/** One block of ffmpeg's `-progress` output. */
export interface FfmpegProgress {
  /** Output time reached, in microseconds. */
  outTimeUs: number;
  frame: number | null;
  speed: number | null;
  /** 0..1 when the expected duration is known. */
  fraction: number | null;
  /** Seconds left at the current speed, when known. */
  etaSeconds: number | null;
  done: boolean;
}

/**
 * Parses the key=value stream of `-progress pipe:1`, calling back once per block (each block ends
 * with a `progress=continue|end` line). Feed it chunks as they arrive.
 */
export function createProgressParser(
  expectedDurationUs: number | null,
  onProgress: (progress: FfmpegProgress) => void,
): (chunk: string) => void {
  let buffer = '';
  let block: Record<string, string> = {};
  const startedAt = Date.now();
  return (chunk) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      const equals = line.indexOf('=');
      if (equals < 0) continue;
      const key = line.slice(0, equals);
      const value = line.slice(equals + 1);
      block[key] = value;
      if (key !== 'progress') continue;
      const outTimeUs = Math.max(0, Number(block.out_time_us ?? block.out_time_ms ?? 0) || 0);
      const frame = block.frame !== undefined ? Number(block.frame) : null;
      const speedMatch = /([\d.]+)x/.exec(block.speed ?? '');
      const speed = speedMatch ? Number(speedMatch[1]) : null;
      const fraction =
        expectedDurationUs && expectedDurationUs > 0 ? Math.min(1, outTimeUs / expectedDurationUs) : null;
      const elapsed = (Date.now() - startedAt) / 1000;
      const etaSeconds = fraction && fraction > 0.01 ? (elapsed / fraction) * (1 - fraction) : null;
      onProgress({ outTimeUs, frame, speed, fraction, etaSeconds, done: value === 'end' });
      block = {};
    }
  };
}
