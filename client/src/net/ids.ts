// Ids for commands and new entities. nanoid uses crypto.getRandomValues, which (unlike
// crypto.randomUUID) also exists on plain-http pages such as a venue's local server.
import { nanoid } from 'nanoid';

/** A clientOpId: the server dedupes retries by it. */
export const newOpId = (): string => nanoid(21);
/** A join's idempotency key (132 random bits): every retry of one join sends the same. */
export const newJoinId = (): string => nanoid(22);
/** An id for a note, table, theme or delegation created on this device. */
export const newEntityId = (): string => nanoid(12);
