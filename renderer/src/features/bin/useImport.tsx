import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useApi } from '../../api/ApiContext';
import type { BinEntry } from './binEntries';
import { mediaContentType } from '../../../../common/media/mediaTypes';
import {
  describeImport,
  importByDialog,
  importFiles as importFilesVia,
  type ImportOutcome,
} from './importFiles';

export interface ImportStatus {
  message: string;
  error: boolean;
}

/**
 * Importing into the bin: by dialog (the desktop host's file dialog, or a file picker in the
 * browser host), a whole folder (the desktop host's folder dialog, or the browser's folder picker)
 * and by dropping files; relinking missing media.
 */
export function useImport(): {
  pick: () => void;
  pickFolder: () => void;
  importFiles: (files: File[]) => Promise<void>;
  relink: (entry: BinEntry) => void;
  busy: boolean;
  status: ImportStatus | null;
  fileInput: ReactNode;
} {
  const api = useApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const folderInputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ImportStatus | null>(null);

  /** One import at a time through the bin: busy while it runs, then what came in or why not. */
  const run = useCallback(async (message: string | null, importing: () => Promise<ImportOutcome>) => {
    setBusy(true);
    if (message) setStatus({ message, error: false });
    const outcome = await importing();
    setBusy(false);
    setStatus(outcome.ok ? describeImport(outcome.result) : { message: outcome.message, error: true });
  }, []);

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
      await run(`Importing ${count}…`, () => importFilesVia(api, files));
    },
    [api, run],
  );

  /** The desktop app's open dialog; a file picker in the browser host. */
  const pick = useCallback(() => {
    if (api.host.kind === 'web') inputRef.current?.click();
    else void run(null, () => importByDialog(api, 'dialog'));
  }, [api, run]);

  /** The desktop app's folder dialog; the browser's folder picker (media files only are sent). */
  const pickFolder = useCallback(() => {
    if (api.host.kind === 'web') folderInputRef.current?.click();
    else void run('Importing a folder…', () => importByDialog(api, 'folderDialog'));
  }, [api, run]);

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
    <>
      <HiddenPicker
        inputRef={inputRef}
        testId="bin-file-input"
        onFiles={(files) => void importFiles(files)}
      />
      <HiddenPicker
        inputRef={folderInputRef}
        folder
        testId="bin-folder-input"
        onFiles={(files) => {
          // Every file of the folder and its subfolders comes; only media files are sent.
          const media = files.filter(
            (file) => !file.name.startsWith('.') && mediaContentType(file.name) !== null,
          );
          if (media.length === 0) setStatus({ message: 'That folder holds no media files.', error: true });
          else void importFiles(media);
        }}
      />
    </>
  );

  return { pick, pickFolder, importFiles, relink, busy, status, fileInput };
}

/** A hidden file input the bin's buttons click: media files, or a whole folder (webkitdirectory). */
function HiddenPicker({
  inputRef,
  folder = false,
  testId,
  onFiles,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  folder?: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={(element) => {
        inputRef.current = element;
        // A folder picker: React has no prop for it.
        if (folder) element?.setAttribute('webkitdirectory', '');
      }}
      type="file"
      multiple={!folder}
      {...(folder ? {} : { accept: 'video/*,image/*,audio/*' })}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(event) => {
        const files = Array.from(event.target.files ?? []);
        event.target.value = '';
        onFiles(files);
      }}
    />
  );
}
