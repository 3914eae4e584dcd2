import type { ShotloomApi } from '../../../../common/contract';
import type { ImportResult } from '../../../../common/contract/channels/media';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; message: string };

/**
 * Uploads one file to the browser host (`POST /upload?name=…`, the raw file as the body, with the
 * app's upload header), answered with an upload id that media:import then takes.
 */
async function uploadFile(file: File): Promise<string> {
  const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Shotloom-Upload': '1' },
    body: file,
  });
  let body: { ok?: boolean; value?: { id?: string }; error?: { message?: string } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // an answer without JSON: reported below by status
  }
  const id = body.value?.id;
  if (!response.ok || body.ok !== true || typeof id !== 'string') {
    throw new Error(`${file.name}: ${body.error?.message ?? `the upload was refused (${response.status}).`}`);
  }
  return id;
}

/** Imports files the user picked, dropped or pasted: uploads them, then media:import copies them in. */
export async function importFiles(api: ShotloomApi, files: readonly File[]): Promise<ImportOutcome> {
  if (api.host.kind !== 'web') return importByDialog(api, 'dialog');
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

/**
 * The host's own dialog (the desktop app): files, or a folder for every media file in it and its
 * subfolders. The browser host answers NOT_AVAILABLE_IN_HOST.
 */
export async function importByDialog(
  api: ShotloomApi,
  kind: 'dialog' | 'folderDialog',
): Promise<ImportOutcome> {
  const result = await api.invoke('media:import', { source: { kind }, storage: 'copy' });
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
