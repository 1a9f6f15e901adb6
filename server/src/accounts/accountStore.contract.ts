// The AccountStore contract, run on SQLite (accountStore.sqlite.test.ts) and PostgreSQL
// (tests/integration/postgresAccounts.test.ts). Ids are unique per test, so one database serves the suite.
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../store/eventStore';
import type { AccountStore, AuthSession, Passkey, StoredTemplate } from './accountStore';
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
        for (const table of ['events', 'snapshots', 'credentials', 'workshop_roles', 'workshops'])
          expect(await harness.rowsOf(table, w)).toBeGreaterThan(0);

        await accounts.deleteWorkshop(w);
        for (const table of ['events', 'snapshots', 'credentials', 'workshop_roles', 'workshops'])
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
  });
}
