import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const Uuid = z.uuid();
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'must be a valid e-mail address' }));
export const Version = z.number().int().nonnegative();
export const IsoDateTime = z.string();
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
