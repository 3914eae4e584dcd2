import { z } from 'zod';
import { idSchema } from '../../model/schema/primitives';
import { channel } from '../define';

/**
 * Shows a file in the system file manager (Finder, Explorer, Files). The window names an asset or a
 * finished export by id, never a path; hosts without a file manager answer NOT_AVAILABLE_IN_HOST.
 */
export const revealChannels = {
  'app:revealAsset': channel(z.object({ assetId: idSchema }).strict()).returns<{ revealed: true }>(),
  /** A finished export from render:list, by its job id. */
  'app:revealExport': channel(z.object({ jobId: z.string().min(1).max(64) }).strict()).returns<{
    revealed: true;
  }>(),
};
