// A render error a browser reports so it reaches the server log (POST /api/client-errors).
// Only the error itself travels: no note text, names, tokens or page state; every field is
// capped so a report stays a few kilobytes.
import { z } from 'zod';

export const CLIENT_ERROR_LIMITS = { message: 500, stack: 4000, componentStack: 4000, route: 40 } as const;

/** Cuts a string to the cap instead of rejecting it: a long stack is still worth logging. */
const capped = (max: number) => z.string().transform((s) => (s.length > max ? s.slice(0, max) : s));

export const clientErrorSchema = z
  .object({
    message: capped(CLIENT_ERROR_LIMITS.message),
    stack: capped(CLIENT_ERROR_LIMITS.stack).optional(),
    componentStack: capped(CLIENT_ERROR_LIMITS.componentStack).optional(),
    /** The screen's route name ('workshop', 'projector', …), never the URL (it can hold a key). */
    route: z
      .string()
      .max(CLIENT_ERROR_LIMITS.route)
      .regex(/^[a-z-]*$/),
  })
  .strict();

export type ClientErrorReport = z.input<typeof clientErrorSchema>;
