import type { RenderPlanSummary } from '../../../../common/contract/channels/render';
import type { Rational } from '../../../../common/time';
import { formatTimecode } from '../timeline/geometry/timecode';

const modeLabels: Record<RenderPlanSummary['mode'], string> = {
  concatCopy: 'Stream copy: every shot matches the output and is joined without re-encoding',
  chunked: 'Smart render in chunks: each segment is copied when it matches, encoded when not, then joined',
  audioOnly: 'Sound only',
  still: 'Still image',
};

/** The smart-render choice the export engine will make, segment by segment, and why. */
export function PlanSummary({ plan, rate }: { plan: RenderPlanSummary; rate: Rational }) {
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
      {plan.assetsWithoutEditReady.length > 0 && (
        <p className="export-hint">
          {plan.assetsWithoutEditReady.length} clip source
          {plan.assetsWithoutEditReady.length > 1 ? 's have' : ' has'} no edit-ready copy: making one lets
          more of the cut be copied instead of encoded.
        </p>
      )}
    </div>
  );
}
