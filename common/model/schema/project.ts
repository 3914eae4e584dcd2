import { z } from 'zod';
import { assetSchema } from './asset';
import { idSchema, isoDate, rateSchema, usdCents } from './primitives';
import { sequenceSchema } from './sequence';
import { namedReferenceSchema, shotSchema, takeSchema } from './shot';

export const currentSchemaVersion = 1;

export const ledgerEntrySchema = z.object({
  id: idSchema,
  takeId: idSchema,
  shotId: idSchema,
  provider: z.string(),
  model: z.string(),
  estimatedCents: usdCents.nullable(),
  actualCents: usdCents.nullable(),
  at: isoDate,
});

/**
 * The project document: everything a project file holds. Pure data; the folder around it holds
 * media/, cache/ and exports/. Cross-references are checked by validateReferences().
 */
export const projectSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  id: idSchema,
  name: z.string(),
  createdAt: isoDate,
  settings: z.object({
    defaultRate: rateSchema,
    defaultWidth: z.number().int().positive(),
    defaultHeight: z.number().int().positive(),
    defaultSampleRate: z.number().int().positive(),
    /** Refuse generation jobs once the ledger would pass this; null means no budget. */
    budgetCents: usdCents.nullable(),
  }),
  assets: z.record(idSchema, assetSchema),
  references: z.record(idSchema, namedReferenceSchema),
  shots: z.record(idSchema, shotSchema),
  /** The order shots appear in the bin and the storyboard. */
  shotOrder: z.array(idSchema),
  takes: z.record(idSchema, takeSchema),
  sequences: z.record(idSchema, sequenceSchema),
  sequenceOrder: z.array(idSchema),
  ledger: z.array(ledgerEntrySchema),
});

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type Project = z.infer<typeof projectSchema>;
export type ProjectSettings = Project['settings'];
