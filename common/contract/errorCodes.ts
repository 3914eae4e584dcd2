/**
 * Stable error codes. A code never changes meaning once shipped; add new ones at the end of a group.
 * The UI and the CLI key their behaviour (and the CLI its exit code) on these, never on messages.
 */
export const errorCodes = [
  // request and contract
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'INTERNAL',
  'NOT_AVAILABLE_IN_HOST',
  // ffmpeg
  'FFMPEG_MISSING',
  'FFMPEG_TOO_OLD',
  'FFMPEG_FAILED',
  // files and projects
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'PROJECT_INVALID',
  'PROJECT_TOO_NEW',
  'PROJECT_LOCKED',
  'PROJECT_NOT_OPEN',
  // media
  'MEDIA_CORRUPT',
  'MEDIA_UNSUPPORTED',
  'MEDIA_MISSING',
  'MEDIA_TIMEOUT',
  'MEDIA_FOLDER_TOO_LARGE',
  // editing and rendering
  'EDIT_REFUSED',
  'RENDER_INVALID',
  'RENDER_VERIFY_FAILED',
  // generation
  'PROVIDER_BAD_REQUEST',
  'PROVIDER_AUTH',
  'PROVIDER_MODEL_RETIRED',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_MODERATION',
  'PROVIDER_FAILED',
  'PROVIDER_UNCERTAIN',
  'PROVIDER_OUTPUT_EXPIRED',
  'CAPABILITY_UNSUPPORTED',
  'BUDGET_EXCEEDED',
  'KEY_MISSING',
  // interchange
  'INTERCHANGE_INVALID',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
