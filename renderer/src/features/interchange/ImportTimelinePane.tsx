import { useState } from 'react';
import type { AppErrorShape } from '../../../../common/contract';
import type { InterchangeImportResult } from '../../../../common/contract/channels/interchange';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { NotCarriedList } from './NotCarriedList';

type SearchChoice = 'none' | 'projectFolder' | 'dialog';

/**
 * Reads an .otio, .fcpxml or .edl file the user picks (its text, never a path) into a new sequence;
 * media is linked by path or found by name in a folder, and the report lists what did not come over.
 */
export function ImportTimelinePane() {
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [search, setSearch] = useState<SearchChoice>('none');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InterchangeImportResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const content = await file.text();
    const answer = await api.invoke('interchange:import', {
      fileName: file.name,
      content,
      ...(search === 'none' ? {} : { searchIn: { kind: search } }),
    });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };
  const searchOptions = [
    { value: 'none', label: 'Only where the file says the media is' },
    { value: 'projectFolder', label: 'Also by name inside the project folder' },
    ...(api.host.kind === 'electron'
      ? [{ value: 'dialog', label: 'Also by name in a folder I choose…' }]
      : []),
  ];
  return (
    <div className="interchange-pane">
      <label className="file-pick">
        <span className="field-label">Timeline file</span>
        <input
          type="file"
          accept=".otio,.fcpxml,.xml,.edl"
          data-testid="interchange-file"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setResult(null);
          }}
        />
      </label>
      <SelectField
        label="Find missing media"
        value={search}
        onChange={(event) => setSearch(event.target.value as SearchChoice)}
        options={searchOptions}
      />
      <div className="interchange-actions">
        <Button
          variant="primary"
          disabled={busy || !file}
          onClick={() => void run()}
          data-testid="interchange-import"
        >
          {busy ? 'Importing…' : 'Import'}
        </Button>
      </div>
      {result && (
        <div className="interchange-result" role="status" data-testid="interchange-import-result">
          <p>
            New sequence <strong>{result.sequenceName}</strong>: {result.linkedClips} clip(s) linked,{' '}
            {result.importedFiles} file(s) imported, {result.missingClips} missing.
          </p>
          <NotCarriedList heading="Not carried over:" lines={result.notCarried} />
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
