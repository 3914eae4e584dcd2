import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import type { BinEntry } from './binEntries';
import { describeImport, importByDialog, importFiles as importFilesVia } from './importFiles';

export interface ImportStatus {
  message: string;
  error: boolean;
}

/**
 * Importing into the bin: by dialog (the desktop host's file dialog, or a file picker in the
 * browser host) and by dropping files; relinking missing media.
 */
export function useImport(): {
  pick: () => void;
  importFiles: (files: File[]) => Promise<void>;
  relink: (entry: BinEntry) => void;
  busy: boolean;
  status: ImportStatus | null;
  fileInput: ReactNode;
} {
  const api = useApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ImportStatus | null>(null);

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      setStatus({ message: `Importing ${files.length} file${files.length === 1 ? '' : 's'}…`, error: false });
      const outcome = await importFilesVia(api, files);
      setBusy(false);
      setStatus(outcome.ok ? describeImport(outcome.result) : { message: outcome.message, error: true });
    },
    [api],
  );

  /** The desktop app's open dialog; a file picker in the browser host. */
  const pick = useCallback(() => {
    if (api.host.kind === 'web') {
      inputRef.current?.click();
      return;
    }
    setBusy(true);
    void importByDialog(api).then((outcome) => {
      setBusy(false);
      setStatus(outcome.ok ? describeImport(outcome.result) : { message: outcome.message, error: true });
    });
  }, [api]);

  const relink = useCallback(
    (entry: BinEntry) => {
      if (!entry.assetId) return;
      // The desktop app asks for a folder to search; the browser host searches the project folder.
      const searchIn =
        api.host.kind === 'web' ? ({ kind: 'projectFolder' } as const) : ({ kind: 'dialog' } as const);
      void api.invoke('project:relink', { assetId: entry.assetId, searchIn }).then((result) => {
        if (!result.ok) setStatus({ message: result.error.message, error: true });
        else if (result.value.stillMissingAssetIds.includes(entry.assetId ?? ''))
          setStatus({ message: `${entry.name} was not found in that folder.`, error: true });
        else
          setStatus({ message: `Relinked ${result.value.relinkedAssetIds.length} file(s).`, error: false });
      });
    },
    [api],
  );

  const fileInput = (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept="video/*,image/*,audio/*"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid="bin-file-input"
      onChange={(event) => {
        const files = Array.from(event.target.files ?? []);
        event.target.value = '';
        void importFiles(files);
      }}
    />
  );

  return { pick, importFiles, relink, busy, status, fileInput };
}
