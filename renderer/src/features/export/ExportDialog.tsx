import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../common/contract';
import {
  toExportFileName,
  type RenderPlanSummary,
  type RenderPresetInfo,
} from '../../../../common/contract/channels/render';
import type { Sequence } from '../../../../common/model';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { formatEta } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { SegmentedControl } from '../../components/SegmentedControl';
import { useApi } from '../../api/ApiContext';
import { ExportHistory } from './ExportHistory';
import { PlanSummary } from './PlanSummary';
import { useRenderJobs } from './useRenderJobs';
import './export.css';

type RangeChoice = 'whole' | 'marks';

/**
 * The export dialog: a preset from the export engine, the range (whole or in–out), the smart-render
 * plan and why, the destination, progress with ETA and cancel, and the last exports with their logs.
 */
export function ExportDialog({
  open,
  onClose,
  sequence,
  durationFrames,
}: {
  open: boolean;
  onClose: () => void;
  sequence: Sequence;
  durationFrames: number;
}) {
  const api = useApi();
  const [presets, setPresets] = useState<RenderPresetInfo[]>([]);
  const [presetId, setPresetId] = useState<string>('');
  const [range, setRange] = useState<RangeChoice>('whole');
  const [fileName, setFileName] = useState(toExportFileName(sequence.name));
  const [plan, setPlan] = useState<RenderPlanSummary | null>(null);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [activeJobId, setActiveJobId] = useState<string | null>(null);
  const [editReadyJobId, setEditReadyJobId] = useState<string | null>(null);
  const { jobs, history, track, refreshHistory } = useRenderJobs();
  const hasMarks = sequence.inFrame !== null || sequence.outFrame !== null;
  const requestRange = useMemo(() => {
    if (range !== 'marks' || !hasMarks) return undefined;
    const startFrame = sequence.inFrame ?? 0;
    const endFrame = sequence.outFrame ?? durationFrames;
    return endFrame > startFrame ? { startFrame, endFrame } : undefined;
  }, [range, hasMarks, sequence.inFrame, sequence.outFrame, durationFrames]);
  const preset = presets.find((candidate) => candidate.id === presetId);
  const editReadyJob = editReadyJobId ? jobs[editReadyJobId] : undefined;
  // The plan is asked for again when an edit-ready job ends (more of the cut can be copied now).
  const editReadyEnded = editReadyJob !== undefined && editReadyJob.finished !== null;

  useEffect(() => {
    if (!open) return;
    void refreshHistory();
    void api.invoke('render:presets', {}).then((result) => {
      if (!result.ok) return setProblem(result.error);
      setPresets(result.value);
      setPresetId((current) => current || result.value[0]?.id || '');
    });
  }, [open, api, refreshHistory]);

  useEffect(() => {
    if (!open || !presetId || durationFrames === 0) return;
    let live = true;
    const request = { sequenceId: sequence.id, presetId, ...(requestRange ? { range: requestRange } : {}) };
    void api.invoke('render:plan', request).then((result) => {
      if (!live) return;
      setPlan(result.ok ? result.value : null);
      setProblem(result.ok ? null : result.error);
    });
    return () => {
      live = false;
    };
  }, [open, api, sequence, presetId, requestRange, durationFrames, editReadyEnded]);

  const makeEditReady = async () => {
    if (!plan) return;
    const result = await api.invoke('render:makeEditReady', { assetIds: plan.assetsWithoutEditReady });
    if (!result.ok) return setProblem(result.error);
    track(result.value.jobId, '');
    setEditReadyJobId(result.value.jobId);
  };

  const start = async () => {
    if (!preset) return;
    const name = `${toExportFileName(fileName)}.${preset.extension}`;
    const output =
      api.host.kind === 'electron'
        ? { kind: 'dialog' as const, suggestedName: name }
        : { kind: 'exports' as const, fileName: name };
    const result = await api.invoke('render:start', {
      sequenceId: sequence.id,
      presetId,
      output,
      ...(requestRange ? { range: requestRange } : {}),
    });
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    track(result.value.jobId, result.value.outputPath);
    setActiveJobId(result.value.jobId);
  };

  const active = activeJobId ? jobs[activeJobId] : undefined;
  const running = active !== undefined && active.finished === null;
  const cancel = () => activeJobId && void api.invoke('render:cancel', { jobId: activeJobId });
  const reveal = async (jobId: string) => {
    const result = await api.invoke('app:revealExport', { jobId });
    setProblem(result.ok ? null : result.error);
  };

  return (
    <Dialog
      title={`Export “${sequence.name}”`}
      open={open}
      onClose={onClose}
      size="wide"
      testId="export-dialog"
      footer={
        <>
          {running ? (
            <Button variant="danger" onClick={cancel} data-testid="export-cancel">
              Cancel export
            </Button>
          ) : (
            <Button
              variant="primary"
              onClick={() => void start()}
              disabled={!preset || durationFrames === 0}
              data-testid="export-start"
            >
              Export
            </Button>
          )}
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      <div className="export-form">
        <SelectField
          label="Preset"
          value={presetId}
          data-testid="export-preset"
          onChange={(event) => setPresetId(event.target.value)}
          options={presets.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
        />
        <div className="field">
          <span className="field-label">Range</span>
          <SegmentedControl<RangeChoice>
            label="Range"
            value={hasMarks ? range : 'whole'}
            onChange={setRange}
            segments={[
              { value: 'whole', label: 'Whole sequence' },
              ...(hasMarks ? [{ value: 'marks' as const, label: 'In to out' }] : []),
            ]}
          />
        </div>
        <TextField
          label={
            api.host.kind === 'electron'
              ? 'Suggested file name'
              : "File name (in the project's exports folder)"
          }
          value={fileName}
          data-testid="export-file-name"
          onChange={(event) => setFileName(event.target.value)}
          hint={preset ? `.${preset.extension}` : undefined}
        />
      </div>
      {problem && (
        <p className="export-problem" role="alert">
          {problem.message}
        </p>
      )}
      {plan && (
        <PlanSummary
          plan={plan}
          rate={sequence.rate}
          editReady={{
            onMake: () => void makeEditReady(),
            running: editReadyJob !== undefined && !editReadyEnded,
            fraction: editReadyJob?.fraction ?? 0,
            stage: editReadyJob?.stage ?? '',
            error:
              editReadyJob?.finished && !editReadyJob.finished.ok
                ? (editReadyJob.finished.error?.message ?? 'The edit-ready copies failed.')
                : null,
          }}
        />
      )}
      {active && (
        <div
          className="export-progress"
          data-testid="export-progress"
          data-state={active.finished ? (active.finished.ok ? 'done' : 'failed') : 'running'}
        >
          <ProgressBar
            value={active.finished ? (active.finished.ok ? 1 : active.fraction) : active.fraction}
            label="Export progress"
          />
          <p>
            {active.finished === null &&
              `${Math.round(active.fraction * 100)}% · ${active.stage} ${formatEta(active.etaSeconds)}`}
            {active.finished?.ok && (
              <>
                Exported to{' '}
                <code data-testid="export-output">{active.finished.outputPath ?? active.outputPath}</code>{' '}
                <Button variant="ghost" onClick={() => void reveal(active.jobId)} data-testid="export-reveal">
                  Reveal in folder
                </Button>
              </>
            )}
            {active.finished &&
              !active.finished.ok &&
              (active.finished.error?.code === 'CANCELLED' ? 'Cancelled.' : active.finished.error?.message)}
          </p>
        </div>
      )}
      <ExportHistory history={history} onReveal={(jobId) => void reveal(jobId)} />
    </Dialog>
  );
}
