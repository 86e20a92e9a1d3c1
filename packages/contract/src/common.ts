import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const Uuid = z.uuid();
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'must be a valid e-mail address' }));
/** A row version: an int4 column in the database, so at most 2³¹−1 (larger would fail in SQL, not here). */
export const Version = z.number().int().nonnegative().max(2_147_483_647);
export const IsoDateTime = z.string();
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
