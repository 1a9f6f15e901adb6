// The id format every schema shares. A leaf module: the presence messages and the protocol both
// use it, and neither may import the other for it (that made a cycle).
import { z } from 'zod';

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -')
  // state records are plain objects: an id like "constructor" would be found on their prototype
  .refine((id) => !(id in Object.prototype), { message: 'this id is reserved' });
