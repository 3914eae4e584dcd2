import type { RenderPlanSummary } from '../../../../common/contract/channels/render';
import type { Rational } from '../../../../common/time';
import { Button } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { formatTimecode } from '../timeline/geometry/timecode';

const modeLabels: Record<RenderPlanSummary['mode'], string> = {
  concatCopy: 'Stream copy: every shot matches the output and is joined without re-encoding',
  chunked: 'Smart render in chunks: each segment is copied when it matches, encoded when not, then joined',
  audioOnly: 'Sound only',
  still: 'Still image',
};

/** The edit-ready job the dialog started for this plan's sources: its state and how to start one. */
export interface EditReadyControl {
  onMake: () => void;
  running: boolean;
  fraction: number;
  stage: string;
  error: string | null;
}

/** The smart-render choice the export engine will make, segment by segment, and why. */
export function PlanSummary({
  plan,
  rate,
  editReady,
}: {
  plan: RenderPlanSummary;
  rate: Rational;
  editReady: EditReadyControl;
}) {
  const copied = plan.segments.filter((segment) => segment.path === 'copy');
  const copiedFrames = copied.reduce((sum, segment) => sum + segment.durationFrames, 0);
  const totalFrames = plan.output.endFrame - plan.output.startFrame;
  return (
    <div
      className="export-plan"
      data-testid="export-plan"
      data-mode={plan.mode}
      data-frame-count={plan.output.frameCount}
    >
      <p className="export-plan-mode">
        <strong>{modeLabels[plan.mode]}</strong>
        <span>
          {plan.output.frameCount} frames ·{' '}
          {plan.output.width && plan.output.height ? `${plan.output.width}×${plan.output.height} · ` : ''}
          {plan.output.videoCodec ?? 'no video'} / {plan.output.audioCodec ?? 'no sound'}
          {totalFrames > 0 && plan.segments.length > 0
            ? ` · ${Math.round((copiedFrames / totalFrames) * 100)}% copied`
            : ''}
        </span>
      </p>
      {plan.segments.length > 0 && (
        <ol className="export-segments">
          {plan.segments.map((segment) => (
            <li key={segment.index} className={`segment-${segment.path}`}>
              <span className="segment-path">{segment.path === 'copy' ? 'Copy' : 'Encode'}</span>
              <span className="segment-range">
                {formatTimecode(segment.startFrame, rate)} · {segment.durationFrames}f{' '}
                {segment.kind !== 'clip' ? `(${segment.kind})` : ''}
              </span>
              <span className="segment-reason">{segment.reason}</span>
            </li>
          ))}
        </ol>
      )}
      {(plan.assetsWithoutEditReady.length > 0 || editReady.running) && (
        <div className="export-hint" data-testid="export-edit-ready">
          {editReady.running ? (
            <>
              <ProgressBar value={editReady.fraction} label="Edit-ready copies" />
              <p>{editReady.stage}</p>
            </>
          ) : (
            <p>
              {plan.assetsWithoutEditReady.length} clip source
              {plan.assetsWithoutEditReady.length > 1 ? 's have' : ' has'} no edit-ready copy: making one lets
              more of the cut be copied instead of encoded.{' '}
              <Button onClick={editReady.onMake} data-testid="export-make-edit-ready">
                Make edit-ready copies
              </Button>
            </p>
          )}
          {editReady.error && <p role="alert">{editReady.error}</p>}
        </div>
      )}
    </div>
  );
}
