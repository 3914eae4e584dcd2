import type { Rational } from '../../../../common/time';
import { formatTimecode } from '../timeline/geometry/timecode';

export function TimecodeDisplay({ frame, rate, testId }: { frame: number; rate: Rational; testId: string }) {
  return (
    <span className="timecode" data-testid={testId} data-frame={frame}>
      {formatTimecode(frame, rate)}
    </span>
  );
}
