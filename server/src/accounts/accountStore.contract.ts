// The AccountStore contract, run on SQLite (accountStore.sqlite.test.ts) and PostgreSQL
// (tests/integration/postgresAccounts.test.ts). Ids are unique per test, so one database serves the suite.
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../store/eventStore';
import type { Envelope } from '@world-cafe/shared';
import type { AccountStore, AuthSession, CofacInvite, Passkey, StoredTemplate } from './accountStore';
import { WORKSHOP_TABLES } from './accountStore';
import { batch } from '../store/eventStore.contract';

export interface AccountHarness {
  open(): Promise<{ accounts: AccountStore; events: EventStore }>;
  /** Rows a table holds for a workshop (`id` for workshops, `workshop_id` otherwise), read beside the stores. */
  rowsOf(table: string, workshopId: string): Promise<number>;
}

let n = 0;
const uid = (label: string) => `${label}-${Date.now().toString(36)}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
const passkey = (accountId: string, at = 1000): Passkey => ({
  id: uid('cred'),
  accountId,
  publicKey: 'pk',
  counter: 0,
  transports: ['internal', 'hybrid'],
  label: 'Laptop',
  createdAt: at,
  lastUsedAt: null,
});
const session = (accountId: string, at = 1000): AuthSession => ({
  idHash: uid('sess'),
  accountId,
  createdAt: at,
  lastSeenAt: at,
  userAgent: 'Test/1.0',
});

export function accountStoreContract(name: string, harness: AccountHarness) {
  describe(`AccountStore contract: ${name}`, () => {
    it('creates an account with its passkey, recovery codes and session in one go; reads them back', async () => {
      const { accounts, events } = await harness.open();
      try {
        const id = uid('acc');
        const pk = passkey(id);
        const s = session(id);
        await accounts.createAccount({ id, name: 'Somchai ใจดี', createdAt: 1000 }, pk, ['h1' + id, 'h2' + id], s);
        expect(await accounts.findAccount(id)).toEqual({ id, name: 'Somchai ใจดี', createdAt: 1000 });
        expect(await accounts.findPasskey(pk.id)).toEqual(pk);
        expect(await accounts.countRecoveryCodes(id)).toBe(2);
        expect(await accounts.findSession(s.idHash)).toEqual(s);
        // a second passkey; a sign-in moves its counter
        const second = passkey(id, 2000);
        await accounts.addPasskey(second);
        await accounts.usePasskey(second.id, 7, 3000);
        expect((await accounts.listPasskeys(id)).map((p) => [p.id, p.counter, p.lastUsedAt])).toEqual([
          [pk.id, 0, null],
          [second.id, 7, 3000],
        ]);
        // a failed creation leaves nothing (the passkey id is taken)
        const other = uid('acc');
        await expect(
          accounts.createAccount({ id: other, name: 'x', createdAt: 1 }, { ...pk, accountId: other }, [], session(other)),
        ).rejects.toThrow();
        expect(await accounts.findAccount(other)).toBeUndefined();
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('a recovery code is spent once, even by two requests at the same time', async () => {
      const { accounts, events } = await harness.open();
      try {
        const id = uid('acc');
        await accounts.createAccount({ id, name: 'a', createdAt: 1 }, passkey(id), ['r1' + id, 'r2' + id], session(id));
        const results = await Promise.all([accounts.spendRecoveryCode('r1' + id), accounts.spendRecoveryCode('r1' + id)]);
        expect(results.filter((r) => r === id)).toHaveLength(1);
        expect(await accounts.spendRecoveryCode('r1' + id)).toBeUndefined();
        expect(await accounts.spendRecoveryCode('unknown' + id)).toBeUndefined();
        expect(await accounts.countRecoveryCodes(id)).toBe(1);
        await accounts.replaceRecoveryCodes(id, ['r3' + id]);
        expect(await accounts.spendRecoveryCode('r2' + id)).toBeUndefined();
        expect(await accounts.spendRecoveryCode('r3' + id)).toBe(id);
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('sessions: touch, list newest first, delete one, delete all others', async () => {
      const { accounts, events } = await harness.open();
      try {
        const id = uid('acc');
        const first = session(id, 1000);
        await accounts.createAccount({ id, name: 'a', createdAt: 1 }, passkey(id), [], first);
        const second = session(id, 2000);
        const third = session(id, 3000);
        await accounts.createSession(second);
        await accounts.createSession(third);
        await accounts.touchSession(first.idHash, 5000);
        expect((await accounts.listSessions(id)).map((s) => s.idHash)).toEqual([first.idHash, third.idHash, second.idHash]);
        expect(await accounts.deleteSession('someone-else', second.idHash)).toBe(false);
        expect(await accounts.deleteSession(id, second.idHash)).toBe(true);
        expect(await accounts.deleteOtherSessions(id, first.idHash)).toBe(1);
        expect((await accounts.listSessions(id)).map((s) => s.idHash)).toEqual([first.idHash]);
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('a challenge answers once and not after it expired', async () => {
      const { accounts, events } = await harness.open();
      try {
        const c = { id: uid('ch'), challenge: 'abc', purpose: 'login' as const, accountId: null, expiresAt: 10_000 };
        await accounts.putChallenge(c);
        expect(await accounts.takeChallenge(c.id, 5000)).toEqual(c);
        expect(await accounts.takeChallenge(c.id, 5000)).toBeUndefined();
        const late = { ...c, id: uid('ch') };
        await accounts.putChallenge(late);
        expect(await accounts.takeChallenge(late.id, 10_000)).toBeUndefined();
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('OpenID Connect identities: an account made with one, linked to another once, never to two accounts', async () => {
      const { accounts, events } = await harness.open();
      try {
        const issuer = `https://${uid('idp')}.example`;
        const id = uid('acc');
        const identity = { issuer, subject: 'sub-1', accountId: id, email: 'a@example.org', createdAt: 1000, lastUsedAt: 1000 };
        const s = session(id);
        await accounts.createOidcAccount({ id, name: 'Nguyễn An', createdAt: 1000 }, identity, s);
        expect(await accounts.findAccount(id)).toEqual({ id, name: 'Nguyễn An', createdAt: 1000 });
        expect(await accounts.findOidcIdentity(issuer, 'sub-1')).toEqual(identity);
        expect(await accounts.findSession(s.idHash)).toEqual(s);
        expect(await accounts.listPasskeys(id)).toEqual([]);
        // the same subject at another issuer is another identity
        expect(await accounts.findOidcIdentity(`${issuer}/other`, 'sub-1')).toBeUndefined();
        await accounts.touchOidcIdentity(issuer, 'sub-1', 4000);
        expect((await accounts.findOidcIdentity(issuer, 'sub-1'))?.lastUsedAt).toBe(4000);

        // a passkey account links a second identity; the first identity cannot be linked to it too
        const other = uid('acc');
        await accounts.createAccount({ id: other, name: 'b', createdAt: 1 }, passkey(other), [], session(other));
        const second = { ...identity, subject: 'sub-2', accountId: other, email: null };
        expect(await accounts.linkOidcIdentity(second)).toBe(true);
        expect(await accounts.linkOidcIdentity({ ...identity, accountId: other })).toBe(false);
        expect((await accounts.listOidcIdentities(other)).map((i) => i.subject)).toEqual(['sub-2']);
        expect((await accounts.findOidcIdentity(issuer, 'sub-1'))?.accountId).toBe(id);

        // a second first sign-in with a linked identity makes no account at all
        const third = uid('acc');
        await expect(
          accounts.createOidcAccount({ id: third, name: 'c', createdAt: 1 }, { ...identity, accountId: third }, session(third)),
        ).rejects.toThrow();
        expect(await accounts.findAccount(third)).toBeUndefined();
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it("devices of personal links: upsert keeps the first sighting; only a live link's are listed; reissue and deletion clear them", async () => {
      const { accounts, events } = await harness.open();
      try {
        const w = uid('w');
        const link = uid('tok');
        await events.append({
          ...batch(w, [1]),
          workshop: { id: w, joinCode: uid('code').slice(0, 30), createdAt: 1 },
          credential: { tokenHash: link, workshopId: w, participantId: 'd1', kind: 'participant' },
        });
        const seen = (deviceId: string, at: number, tokenHash = link) => ({
          tokenHash,
          deviceId,
          workshopId: w,
          participantId: 'd1',
          userAgent: `UA ${deviceId}`,
          firstSeenAt: at,
          lastSeenAt: at,
        });
        await accounts.recordDevices([seen('phone', 100), seen('laptop', 200)]);
        await accounts.recordDevices([seen('phone', 300)]);
        // a sighting with a link that does not exist (reissued, deleted) is not written
        await accounts.recordDevices([seen('ghost', 400, uid('gone'))]);
        expect((await accounts.listDevices(w, 20)).map((d) => [d.deviceId, d.firstSeenAt, d.lastSeenAt])).toEqual([
          ['phone', 100, 300],
          ['laptop', 200, 200],
        ]);
        expect((await accounts.listDevices(w, 1)).map((d) => d.deviceId)).toEqual(['phone']);
        await accounts.reissueCredential(w, 'd1', uid('new'));
        expect(await accounts.listDevices(w, 20)).toEqual([]);
        expect(await harness.rowsOf('participant_devices', w)).toBe(0);
        await accounts.recordDevices([seen('phone', 500)]); // the old link, late: nothing
        expect(await harness.rowsOf('participant_devices', w)).toBe(0);
        const fresh = uid('fresh');
        await events.append({
          workshopId: w,
          opKey: null,
          envelopes: [],
          credential: { tokenHash: fresh, workshopId: w, participantId: 'd2', kind: 'participant' },
        });
        await accounts.recordDevices([{ ...seen('tablet', 600, fresh), participantId: 'd2' }]);
        expect(await harness.rowsOf('participant_devices', w)).toBe(1);
        await accounts.deleteWorkshop(w);
        expect(await harness.rowsOf('participant_devices', w)).toBe(0);
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('templates: belong to one account; list last changed first; rename, delete; capped per account, even racing', async () => {
      const { accounts, events } = await harness.open();
      try {
        const mine = uid('acc');
        const theirs = uid('acc');
        for (const id of [mine, theirs]) await accounts.createAccount({ id, name: 'a', createdAt: 1 }, passkey(id), [], session(id));
        const tpl = (accountId: string, at: number, name = 'ACCSM café'): StoredTemplate => ({
          id: uid('tpl'),
          accountId,
          name,
          description: 'ไทย · Tiếng Việt',
          body: '{"themes":[]}',
          createdAt: at,
          updatedAt: at,
        });
        const a = tpl(mine, 1000);
        const b = tpl(mine, 2000, 'Short café');
        const other = tpl(theirs, 3000);
        for (const t of [a, b, other]) expect(await accounts.addTemplate(t, 10)).toBe(true);
        expect(await accounts.listTemplates(mine)).toEqual([b, a]);
        expect(await accounts.findTemplate(mine, a.id)).toEqual(a);
        // another account's template is not found by id, not renamed, not deleted
        expect(await accounts.findTemplate(mine, other.id)).toBeUndefined();
        expect(await accounts.renameTemplate(mine, other.id, { name: 'x' }, 4000)).toBe(false);
        expect(await accounts.deleteTemplate(mine, other.id)).toBe(false);
        expect(await accounts.findTemplate(theirs, other.id)).toEqual(other);

        expect(await accounts.renameTemplate(mine, a.id, { name: 'ACCSM 2027' }, 5000)).toBe(true);
        expect(await accounts.findTemplate(mine, a.id)).toEqual({ ...a, name: 'ACCSM 2027', updatedAt: 5000 });
        expect(await accounts.renameTemplate(mine, a.id, { name: 'ACCSM 2028', description: '' }, 6000)).toBe(true);
        expect((await accounts.listTemplates(mine)).map((t) => [t.name, t.description])).toEqual([
          ['ACCSM 2028', ''],
          ['Short café', b.description],
        ]);
        expect(await accounts.deleteTemplate(mine, b.id)).toBe(true);
        expect(await accounts.deleteTemplate(mine, b.id)).toBe(false);
        expect((await accounts.listTemplates(mine)).map((t) => t.id)).toEqual([a.id]);

        // the cap: 1 kept + 6 racing saves with room for 3 more → exactly 3 land
        const racing = await Promise.all(Array.from({ length: 6 }, (_, i) => accounts.addTemplate(tpl(mine, 7000 + i), 4)));
        expect(racing.filter(Boolean)).toHaveLength(3);
        expect(await accounts.listTemplates(mine)).toHaveLength(4);
        expect(await accounts.listTemplates(theirs)).toEqual([other]);
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('roles: one per account and workshop; archive; deleting a workshop leaves no row of it in any table', async () => {
      const { accounts, events } = await harness.open();
      try {
        const id = uid('acc');
        const w = uid('w');
        const keep = uid('keep');
        await events.append({
          ...batch(w, [1, 2, 3]),
          workshop: { id: w, joinCode: uid('code').slice(0, 30), createdAt: 1 },
          credential: { tokenHash: uid('fac'), workshopId: w, participantId: 'f1', kind: 'facilitator' },
        });
        await events.append({
          workshopId: w,
          opKey: null,
          envelopes: [],
          credential: { tokenHash: uid('inv'), workshopId: w, participantId: 'd1', kind: 'invite', issuedAt: 1, expiresAt: 9e12 },
        });
        await events.saveSnapshotPart(w, 3, 0, '{}');
        await events.saveSnapshot(w, 3, '{}');
        await events.append({ ...batch(keep, [1]), workshop: { id: keep, joinCode: uid('code2').slice(0, 30), createdAt: 1 } });
        const role = { accountId: id, workshopId: w, role: 'owner' as const, participantId: 'f1', addedAt: 5, archivedAt: null };
        expect(await accounts.addRole(role)).toBe(true);
        expect(await accounts.addRole({ ...role, role: 'cofacilitator' })).toBe(false);
        await accounts.addRole({ ...role, workshopId: keep, addedAt: 6 });
        expect((await accounts.listRoles(id)).map((r) => r.workshopId)).toEqual([keep, w]);
        expect(await accounts.workshopRoles(w)).toEqual([role]);
        await accounts.setArchived(id, w, 99);
        expect(await accounts.findRole(id, w)).toEqual({ ...role, archivedAt: 99 });
        for (const table of ['events', 'snapshots', 'snapshot_parts', 'credentials', 'workshop_roles', 'workshops'])
          expect(await harness.rowsOf(table, w)).toBeGreaterThan(0);

        await accounts.deleteWorkshop(w);
        for (const table of ['events', 'snapshots', 'snapshot_parts', 'credentials', 'workshop_roles', 'workshops'])
          expect(await harness.rowsOf(table, w), table).toBe(0);
        expect(await events.findWorkshop(w)).toBeUndefined();
        expect(await events.readSince(w, 0)).toEqual([]);
        expect(await events.readOps(w)).toEqual([]);
        // the other workshop is untouched
        expect(await harness.rowsOf('events', keep)).toBe(1);
        expect((await accounts.listRoles(id)).map((r) => r.workshopId)).toEqual([keep]);
      } finally {
        await accounts.close();
        await events.close();
      }
    });
    it('co-facilitator invitations bind once, to the first account; removal ends that account’s keys only; ownership moves', async () => {
      const { accounts, events } = await harness.open();
      try {
        const w = uid('w');
        const [owner, co, late, other] = [uid('own'), uid('co'), uid('late'), uid('oth')];
        const ownerKey = uid('fac');
        await events.append({
          ...batch(w, [1]),
          workshop: { id: w, joinCode: uid('code').slice(0, 30), createdAt: 1 },
          credential: { tokenHash: ownerKey, workshopId: w, participantId: 'f1', kind: 'facilitator' },
        });
        await accounts.addRole({ accountId: owner, workshopId: w, role: 'owner', participantId: 'f1', addedAt: 1, archivedAt: null });
        const invite = (over: Partial<CofacInvite> = {}): CofacInvite => ({
          id: uid('inv'),
          tokenHash: uid('tok'),
          workshopId: w,
          invitedBy: owner,
          createdAt: 10,
          expiresAt: 1000,
          acceptedBy: null,
          acceptedAt: null,
          revokedAt: null,
          ...over,
        });
        const a = invite();
        await accounts.putCofacInvite(a);
        // two accounts racing with one link: exactly one is bound
        const raced = await Promise.all([
          accounts.acceptCofacInvite(a.tokenHash, co, 20),
          accounts.acceptCofacInvite(a.tokenHash, late, 20),
        ]);
        expect(raced.filter((r) => r.ok)).toHaveLength(1);
        expect(raced.find((r) => !r.ok)).toEqual({ ok: false, why: 'used' });
        const winner = raced[0].ok ? co : late;
        const loser = winner === co ? late : co;
        expect(await accounts.findRole(winner, w)).toMatchObject({ role: 'cofacilitator', participantId: 'f1', addedAt: 20 });
        expect(await accounts.findRole(loser, w)).toBeUndefined();
        expect((await accounts.listCofacInvites(w))[0]).toMatchObject({ acceptedBy: winner, acceptedAt: 20 });

        // expired, revoked, unknown, and an account that already runs the workshop: nothing changes
        const old = invite({ expiresAt: 30 });
        const revoked = invite();
        const mine = invite();
        for (const i of [old, revoked, mine]) await accounts.putCofacInvite(i);
        expect(await accounts.revokeCofacInvite(w, revoked.id, 40)).toBe(true);
        expect(await accounts.revokeCofacInvite(w, revoked.id, 41)).toBe(false);
        expect(await accounts.revokeCofacInvite(uid('w'), mine.id, 41)).toBe(false);
        expect(await accounts.acceptCofacInvite(old.tokenHash, other, 30)).toEqual({ ok: false, why: 'expired' });
        expect(await accounts.acceptCofacInvite(revoked.tokenHash, other, 50)).toEqual({ ok: false, why: 'revoked' });
        expect(await accounts.acceptCofacInvite(uid('nope'), other, 50)).toEqual({ ok: false, why: 'unknown' });
        expect(await accounts.acceptCofacInvite(mine.tokenHash, owner, 50)).toEqual({ ok: false, why: 'already_runs' });
        expect(await accounts.findRole(other, w)).toBeUndefined();
        // the owner's own link stayed unused and still works for someone else
        expect((await accounts.acceptCofacInvite(mine.tokenHash, other, 60)).ok).toBe(true);

        // keys issued to the winner through "open" end with their role; the owner's key stays
        const coKey = uid('fac');
        await events.append({
          workshopId: w,
          opKey: null,
          envelopes: [],
          credential: { tokenHash: coKey, workshopId: w, participantId: 'f1', kind: 'facilitator' },
        });
        await accounts.recordAccountKey(coKey, winner, w, 70);
        expect(await accounts.removeRole(w, winner)).toEqual([coKey]);
        expect(await events.findCredential(coKey)).toBeUndefined();
        expect(await events.findCredential(ownerKey)).toMatchObject({ kind: 'facilitator' });
        expect(await accounts.findRole(winner, w)).toBeUndefined();
        expect(await accounts.removeRole(w, winner)).toBeUndefined();

        // ownership: both roles change in one commit, or neither
        expect(await accounts.transferOwnership(w, owner, other)).toBe(true);
        expect((await accounts.workshopRoles(w)).map((r) => [r.accountId, r.role])).toEqual([
          [owner, 'cofacilitator'],
          [other, 'owner'],
        ]);
        expect(await accounts.transferOwnership(w, owner, other)).toBe(false);
        expect(await accounts.transferOwnership(w, other, uid('nobody'))).toBe(false);
        expect((await accounts.findRole(other, w))?.role).toBe('owner');

        await accounts.deleteWorkshop(w);
        for (const table of [...WORKSHOP_TABLES, 'workshops']) expect(await harness.rowsOf(table, w), table).toBe(0);
      } finally {
        await accounts.close();
        await events.close();
      }
    });

    it('closedWorkshops: when each workshop closed, from its log', async () => {
      const { accounts, events } = await harness.open();
      try {
        const [open, closed] = [uid('open'), uid('closed')];
        const phase = (seq: number, at: number, to: string) =>
          ({ seq, at, by: 'f1', scope: null, e: { type: 'workshop:phase-changed', phase: to } }) as unknown as Envelope;
        await events.append({
          workshopId: open,
          opKey: null,
          envelopes: [phase(1, 100, 'cafe'), phase(2, 200, 'review')],
          workshop: { id: open, joinCode: uid('c').slice(0, 30), createdAt: 1 },
        });
        await events.append({
          workshopId: closed,
          opKey: null,
          envelopes: [phase(1, 100, 'review'), phase(2, 5_000, 'closed')],
          workshop: { id: closed, joinCode: uid('c').slice(0, 30), createdAt: 1 },
        });
        expect(await accounts.closedWorkshops(closed)).toEqual([{ workshopId: closed, closedAt: 5_000 }]);
        expect(await accounts.closedWorkshops(open)).toEqual([]);
        const all = await accounts.closedWorkshops();
        expect(all).toContainEqual({ workshopId: closed, closedAt: 5_000 });
        expect(all.some((x) => x.workshopId === open)).toBe(false);
      } finally {
        await accounts.close();
        await events.close();
      }
    });
  });
}
