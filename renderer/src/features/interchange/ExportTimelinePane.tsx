import { useState } from 'react';
import type { AppErrorShape, ProjectSnapshot } from '../../../../common/contract';
import type {
  InterchangeExportResult,
  InterchangeFormat,
} from '../../../../common/contract/channels/interchange';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { NotCarriedList } from './NotCarriedList';

const formats: Array<{ value: InterchangeFormat; label: string }> = [
  {
    value: 'otio',
    label: 'OpenTimelineIO (.otio): Resolve, Premiere (plug-in), Kdenlive, every track and take',
  },
  { value: 'fcpxml', label: 'FCPXML 1.10 (.fcpxml): Final Cut Pro, Resolve; takes as auditions' },
  { value: 'edl', label: 'CMX 3600 EDL (.edl): any NLE; main video track only' },
];

/** Writes the chosen sequence into the project's exports/ folder and says what the format could not carry. */
export function ExportTimelinePane({ snapshot }: { snapshot: ProjectSnapshot }) {
  const api = useApi();
  const sequences = snapshot.document.sequenceOrder
    .map((id) => snapshot.document.sequences[id])
    .filter((sequence) => sequence !== undefined);
  const [sequenceId, setSequenceId] = useState(sequences[0]?.id ?? '');
  const [format, setFormat] = useState<InterchangeFormat>('otio');
  const [mediaPaths, setMediaPaths] = useState<'absolute' | 'relative'>('absolute');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InterchangeExportResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const answer = await api.invoke('interchange:export', { sequenceId, format, mediaPaths });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };
  return (
    <div className="interchange-pane">
      <SelectField
        label="Sequence"
        value={sequenceId}
        onChange={(event) => setSequenceId(event.target.value)}
        options={sequences.map((sequence) => ({ value: sequence.id, label: sequence.name }))}
      />
      <SelectField
        label="Format"
        value={format}
        onChange={(event) => setFormat(event.target.value as InterchangeFormat)}
        options={formats}
        data-testid="interchange-format"
      />
      <SelectField
        label="Media paths"
        value={mediaPaths}
        onChange={(event) => setMediaPaths(event.target.value as 'absolute' | 'relative')}
        options={[
          { value: 'absolute', label: 'Absolute (the file works anywhere on this machine)' },
          { value: 'relative', label: 'Relative to the exported file (move the project folder as a whole)' },
        ]}
      />
      <div className="interchange-actions">
        <Button
          variant="primary"
          disabled={busy || !sequenceId}
          onClick={() => void run()}
          data-testid="interchange-export"
        >
          {busy ? 'Exporting…' : 'Export to exports/'}
        </Button>
      </div>
      {result && (
        <div className="interchange-result" role="status" data-testid="interchange-export-result">
          <p>
            Wrote <code>{result.outputPath}</code> ({Math.ceil(result.bytes / 1024)} KB).
          </p>
          <NotCarriedList heading="Not carried by this format:" lines={result.notCarried} />
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
