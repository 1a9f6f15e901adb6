import { describe, expect, it } from 'vitest';
import { type PeopleAction, type RunnerRole, cofacInviteState, peopleRule } from './cofacilitators';

const owner = { accountId: 'o', role: 'owner' as RunnerRole };
const co = { accountId: 'c', role: 'cofacilitator' as RunnerRole };
const co2 = { accountId: 'c2', role: 'cofacilitator' as RunnerRole };

describe('peopleRule', () => {
  it.each<{ what: string; actor: typeof owner; action: PeopleAction; code: string | null }>([
    { what: 'owner lists', actor: owner, action: { kind: 'list' }, code: null },
    { what: 'co-facilitator lists', actor: co, action: { kind: 'list' }, code: null },
    { what: 'owner invites', actor: owner, action: { kind: 'invite' }, code: null },
    { what: 'co-facilitator may not invite', actor: co, action: { kind: 'invite' }, code: 'forbidden' },
    { what: 'owner revokes an invite', actor: owner, action: { kind: 'revoke-invite' }, code: null },
    { what: 'co-facilitator may not revoke', actor: co, action: { kind: 'revoke-invite' }, code: 'forbidden' },
    { what: 'owner removes a co-facilitator', actor: owner, action: { kind: 'remove', target: co }, code: null },
    { what: 'co-facilitator leaves', actor: co, action: { kind: 'remove', target: co }, code: null },
    { what: 'co-facilitator may not remove another', actor: co, action: { kind: 'remove', target: co2 }, code: 'forbidden' },
    { what: 'the last owner cannot remove themselves', actor: owner, action: { kind: 'remove', target: owner }, code: 'conflict' },
    { what: 'nobody removes the owner', actor: co, action: { kind: 'remove', target: owner }, code: 'conflict' },
    { what: 'owner transfers to a co-facilitator', actor: owner, action: { kind: 'transfer', target: co }, code: null },
    { what: 'owner cannot transfer to themselves', actor: owner, action: { kind: 'transfer', target: owner }, code: 'conflict' },
    { what: 'co-facilitator may not transfer', actor: co, action: { kind: 'transfer', target: co2 }, code: 'forbidden' },
  ])('$what → $code', ({ actor, action, code }) => {
    expect(peopleRule(actor, action)?.code ?? null).toBe(code);
  });

  it('the refusal to remove the last owner names the way out', () => {
    expect(peopleRule(owner, { kind: 'remove', target: owner })?.message).toMatch(/transfer ownership/);
  });
});

describe('cofacInviteState', () => {
  it.each([
    { invite: { expiresAt: 10, acceptedAt: null, revokedAt: null }, now: 5, state: 'pending' },
    { invite: { expiresAt: 10, acceptedAt: null, revokedAt: null }, now: 10, state: 'expired' },
    { invite: { expiresAt: 10, acceptedAt: 3, revokedAt: null }, now: 20, state: 'accepted' },
    { invite: { expiresAt: 10, acceptedAt: null, revokedAt: 4 }, now: 5, state: 'revoked' },
  ])('$state', ({ invite, now, state }) => {
    expect(cofacInviteState(invite, now)).toBe(state);
  });
});
