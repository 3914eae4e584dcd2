import type { CliIo } from './output';

export interface ProgressReporter {
  update(fraction: number | null, label: string, etaSeconds?: number | null): void;
  done(): void;
}

function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const rounded = Math.max(0, Math.round(seconds));
  return ` ETA ${Math.floor(rounded / 60)}:${String(rounded % 60).padStart(2, '0')}`;
}

/**
 * Progress for long work: a redrawn bar on a terminal, plain lines (every 10 %) when not, nothing with
 * --json (the final JSON is the only output there).
 */
export function progressReporter(io: CliIo): ProgressReporter {
  if (io.json) return { update: () => undefined, done: () => undefined };
  const tty = io.stdout.isTTY === true;
  let lastDecile = -1;
  let lastLabel = '';
  let drawn = false;
  return {
    update(fraction, label, etaSeconds) {
      if (tty) {
        const width = 30;
        const filled = fraction === null ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * width);
        const percent = fraction === null ? '  …' : `${String(Math.round(fraction * 100)).padStart(3)}%`;
        io.stdout.write(
          `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent} ${label}${formatEta(etaSeconds)}\u001b[K`,
        );
        drawn = true;
        return;
      }
      const decile = fraction === null ? lastDecile : Math.floor(fraction * 10);
      if (decile !== lastDecile || label !== lastLabel) {
        io.stdout.write(
          `${fraction === null ? '' : `${Math.round(fraction * 100)}% `}${label}${formatEta(etaSeconds)}\n`,
        );
        lastDecile = decile;
        lastLabel = label;
      }
    },
    done() {
      if (tty && drawn) io.stdout.write('\n');
    },
  };
}
