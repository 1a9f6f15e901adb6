// Who may change who runs a workshop: the pure rules behind the "people who run this workshop"
// endpoints. The owner invites, removes and hands over; a co-facilitator may only leave. The
// owner is never removed (hand ownership over first), so a workshop always has a facilitator
// account once it has one.
import { assertNever } from '../assert';

export type RunnerRole = 'owner' | 'cofacilitator';

export type PeopleAction =
  | { kind: 'list' }
  | { kind: 'invite' }
  | { kind: 'revoke-invite' }
  | { kind: 'remove'; target: { accountId: string; role: RunnerRole } }
  | { kind: 'transfer'; target: { accountId: string; role: RunnerRole } };

/** Why an action is refused (the HTTP error code and a message that names the way out), or null. */
export interface PeopleRefusal {
  code: 'forbidden' | 'conflict';
  message: string;
}

const FORBIDDEN = (message: string): PeopleRefusal => ({ code: 'forbidden', message });
const CONFLICT = (message: string): PeopleRefusal => ({ code: 'conflict', message });

export function peopleRule(actor: { accountId: string; role: RunnerRole }, action: PeopleAction): PeopleRefusal | null {
  switch (action.kind) {
    case 'list':
      return null;
    case 'invite':
    case 'revoke-invite':
      return actor.role === 'owner' ? null : FORBIDDEN('only the owner invites co-facilitators');
    case 'remove': {
      const self = action.target.accountId === actor.accountId;
      if (action.target.role === 'owner')
        return CONFLICT(
          self
            ? 'you own this workshop and are its last owner: transfer ownership to a co-facilitator first'
            : 'the owner cannot be removed',
        );
      if (self || actor.role === 'owner') return null;
      return FORBIDDEN('only the owner removes other co-facilitators');
    }
    case 'transfer':
      if (actor.role !== 'owner') return FORBIDDEN('only the owner transfers ownership');
      if (action.target.accountId === actor.accountId) return CONFLICT('you already own this workshop');
      return null;
    default:
      return assertNever(action);
  }
}

/** How long a co-facilitator invitation stays valid unless the owner picks another lifetime (days). */
export const COFAC_INVITE_DEFAULT_DAYS = 7;
export const COFAC_INVITE_MAX_DAYS = 30;
/** Pending invitations a workshop may have at once (each is a secret to keep track of). */
export const COFAC_INVITES_PENDING_MAX = 20;

export type CofacInviteState = 'pending' | 'accepted' | 'revoked' | 'expired';

/** The state of an invitation at `now`: accepted and revoked are final, then the clock. */
export function cofacInviteState(
  invite: { expiresAt: number; acceptedAt: number | null; revokedAt: number | null },
  now: number,
): CofacInviteState {
  if (invite.acceptedAt !== null) return 'accepted';
  if (invite.revokedAt !== null) return 'revoked';
  return invite.expiresAt <= now ? 'expired' : 'pending';
}
