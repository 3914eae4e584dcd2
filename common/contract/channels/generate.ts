import { z } from 'zod';
import { generationModeSchema } from '../../model/schema/shot';
import { channel } from '../define';

export interface ShotEstimate {
  shotId: string;
  provider: string;
  model: string;
  mode: string;
  takes: number;
  /** For all the takes of this shot; null when the price is unknown. */
  cents: number | null;
  basis: 'catalog' | 'provider' | 'free' | 'unknown';
  note: string;
  /** What stops this shot from being generated with this model (empty when it can be). */
  issues: string[];
  warnings: string[];
}

export interface GenerationEstimate {
  items: ShotEstimate[];
  /** Sum of the known prices. */
  totalCents: number;
  /** Shots whose price is unknown. */
  unknownCount: number;
  budgetCents: number | null;
  /** Ledger so far plus jobs in flight. */
  committedCents: number;
  /** Budget left after this batch; null without a budget. */
  remainingCents: number | null;
  withinBudget: boolean;
}

const modelChoice = {
  /** Overrides the shot's provider/model for this run. */
  provider: z.string().min(1).max(40).optional(),
  model: z.string().min(1).max(200).optional(),
};

/** Options a creator may set per run (the adapter ignores what its model does not take). */
const generationOptionsSchema = z
  .object({
    resolution: z.string().max(20).optional(),
    size: z.string().max(20).optional(),
    outputFormat: z.string().max(40).optional(),
    enhancePrompt: z.boolean().optional(),
    loop: z.boolean().optional(),
    workflowTemplate: z.string().max(100).optional(),
    extra: z
      .record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .optional(),
  })
  .strict();

export const generateChannels = {
  /** Price of generating these shots (pre-flight, from the catalog), and the budget left. */
  'generate:estimate': channel(
    z
      .object({
        shotIds: z.array(z.string().min(1)).min(1).max(500),
        takes: z.number().int().min(1).max(8).default(1),
        ...modelChoice,
      })
      .strict(),
  ).returns<GenerationEstimate>(),
  /** Queues `takes` jobs for a shot; each becomes a take. BUDGET_EXCEEDED past the project budget. */
  'generate:start': channel(
    z
      .object({
        shotId: z.string().min(1),
        takes: z.number().int().min(1).max(8).default(1),
        ...modelChoice,
        mode: generationModeSchema.optional(),
        options: generationOptionsSchema.default({}),
      })
      .strict(),
  ).returns<{ jobIds: string[]; takeIds: string[]; warnings: string[] }>(),
};
