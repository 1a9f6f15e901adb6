// Ids for commands and new entities. nanoid uses crypto.getRandomValues, which (unlike
// crypto.randomUUID) also exists on plain-http pages such as a venue's local server.
import { nanoid } from 'nanoid';

/** A clientOpId: the server dedupes retries by it. */
export const newOpId = (): string => nanoid(21);
/** An id for a note, table, theme or delegation created on this device. */
export const newEntityId = (): string => nanoid(12);
