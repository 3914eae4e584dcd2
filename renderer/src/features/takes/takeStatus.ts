import type { BadgeTone } from '../../components/Badge';
import type { Take } from '../../../../common/model';

export const takeStatusLabels: Record<Take['status'], string> = {
  queued: 'Queued',
  running: 'Generating',
  succeeded: 'Ready',
  failed: 'Failed',
  cancelled: 'Cancelled',
  uncertain: 'Unclear',
};

export const takeStatusTones: Record<Take['status'], BadgeTone> = {
  queued: 'busy',
  running: 'busy',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: 'neutral',
  uncertain: 'warn',
};

export function takeNumber(take: Take, takeIds: readonly string[]): number {
  return takeIds.indexOf(take.id) + 1;
}
