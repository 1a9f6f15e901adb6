// The live-presence messages on the socket (never stored, never in the log): who is online,
// and who is typing at a table. One zod schema per message; the server validates what clients
// send, clients validate what the server sends.
import { z } from 'zod';
import { idSchema } from '../ids';

/**
 * server → client `online`: the whole roster once on connect, then the changes, coalesced (at most
 * one message per workshop every ONLINE_TICK_MS, so a room of 1,000 connecting at once costs
 * O(people) messages, not O(people²)).
 */
export const onlineMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all'), participantIds: z.array(idSchema).max(10_000) }),
  z.strictObject({ kind: z.literal('changes'), online: z.array(idSchema).max(10_000), offline: z.array(idSchema).max(10_000) }),
]);

/** How often a workshop's online changes are sent out. */
export const ONLINE_TICK_MS = 500;
export type OnlineMessage = z.infer<typeof onlineMessageSchema>;

/** client → server `typing`: I am (or stopped) writing at this table. */
export const typingInputSchema = z.strictObject({ tableId: idSchema, typing: z.boolean() });
export type TypingInput = z.infer<typeof typingInputSchema>;

/** server → client `typing`: relayed to that table's people and the facilitators only. */
export const typingMessageSchema = z.strictObject({ participantId: idSchema, tableId: idSchema, typing: z.boolean() });
export type TypingMessage = z.infer<typeof typingMessageSchema>;

/** A typing flag lapses on its own if no refresh arrives (volatile messages can be dropped). */
export const TYPING_TTL_MS = 5000;
/** A client repeats "typing" at most this often while the person keeps typing. */
export const TYPING_REFRESH_MS = 2000;
