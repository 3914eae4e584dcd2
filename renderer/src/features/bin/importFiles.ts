import type { ShotloomApi } from '../../../../common/contract';
import type { ImportResult } from '../../../../common/contract/channels/media';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; message: string };

/**
 * Uploads files to the browser host (POST /upload, one file per request, answered with an upload
 * id), then imports the uploads (media:import, copied into the project's media folder).
 */
async function uploadFile(file: File): Promise<string> {
  const response = await fetch('/upload', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': file.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(file.name),
    },
    body: file,
  });
  if (!response.ok) throw new Error(`${file.name}: the upload was refused (${response.status}).`);
  const body = (await response.json()) as { uploadId?: string; id?: string };
  const id = body.uploadId ?? body.id;
  if (typeof id !== 'string') throw new Error(`${file.name}: the upload gave no id.`);
  return id;
}

/** Imports files the user picked, dropped or pasted. */
export async function importFiles(api: ShotloomApi, files: readonly File[]): Promise<ImportOutcome> {
  if (api.host.kind !== 'web') return importByDialog(api);
  try {
    const uploadIds: string[] = [];
    for (const file of files) uploadIds.push(await uploadFile(file));
    const result = await api.invoke('media:import', {
      source: { kind: 'uploads', uploadIds },
      storage: 'copy',
    });
    return result.ok ? { ok: true, result: result.value } : { ok: false, message: result.error.message };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** The host's own open dialog (the desktop app); the browser host answers NOT_AVAILABLE_IN_HOST. */
export async function importByDialog(api: ShotloomApi): Promise<ImportOutcome> {
  const result = await api.invoke('media:import', { source: { kind: 'dialog' }, storage: 'copy' });
  return result.ok ? { ok: true, result: result.value } : { ok: false, message: result.error.message };
}

/** One line about an import: what came in, what failed and why. */
export function describeImport(result: ImportResult): { message: string; error: boolean } {
  const added = result.imported.filter((file) => !file.duplicate).length;
  const duplicates = result.imported.length - added;
  const parts = [`Imported ${added} file${added === 1 ? '' : 's'}`];
  if (duplicates > 0) parts.push(`${duplicates} already in the project`);
  for (const failure of result.failed) parts.push(`${failure.name}: ${failure.error.message}`);
  return { message: parts.join(' · '), error: result.failed.length > 0 };
}
