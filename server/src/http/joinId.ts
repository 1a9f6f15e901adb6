// Idempotent joins: a client-made join id (a secret of at least 128 random bits, the same for
// every retry of one join) determines the participant id and the token, so a retry after a lost
// response returns the same person instead of making a second one, even after a server restart.
// Only the token's hash is stored, as for every token; whoever knows the join id holds the token.
import { createHash } from 'node:crypto';

const derive = (label: string, workshopId: string, joinId: string) =>
  createHash('sha256').update(`world-cafe/${label}\0${workshopId}\0${joinId}`).digest();

export function joinIdentity(workshopId: string, joinId: string): { participantId: string; token: string } {
  return {
    // same shape as server-made ids: 16 characters of [0-9a-z]
    participantId: derive('participant', workshopId, joinId).toString('hex').slice(0, 16),
    token: derive('token', workshopId, joinId).toString('base64url'),
  };
}
