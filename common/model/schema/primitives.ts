import { z } from 'zod';

export const rationalSchema = z.object({
  num: z.number().int(),
  den: z.number().int().positive(),
});

/** A positive rate such as 24/1 or 30000/1001. */
export const rateSchema = z.object({
  num: z.number().int().positive(),
  den: z.number().int().positive(),
});

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, _ and -');
export const frameCount = z.number().int().nonnegative();
export const isoDate = z.string().datetime({ offset: true });
/** Money in US cents (Runway credits are cents); fractional cents allowed, rounded for display only. */
export const usdCents = z.number().nonnegative().finite();
