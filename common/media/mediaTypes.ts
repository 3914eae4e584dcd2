/** Content types of the media files Shotloom imports, by lowercase extension (the dot included). */
export const mediaContentTypes: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
  '.mxf': 'application/mxf',
  '.ts': 'video/mp2t',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.aif': 'audio/aiff',
  '.aiff': 'audio/aiff',
};

/** The lowercase extension of a file name or path, the dot included ('' for none, as for ".hidden"). */
function extensionOf(name: string): string {
  const baseStart = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1;
  const dot = name.lastIndexOf('.');
  return dot > baseStart ? name.slice(dot).toLowerCase() : '';
}

/** The Content-Type of a media file by its name's extension; null for anything that is not media. */
export function mediaContentType(name: string): string | null {
  return mediaContentTypes[extensionOf(name)] ?? null;
}

/** Extensions (without the dot) the import dialogs offer and folder imports pick up. */
export const importExtensions = Object.keys(mediaContentTypes).map((extension) => extension.slice(1));
