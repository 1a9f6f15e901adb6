// The real server on PostgreSQL (DATABASE_URL): create, join, write notes, SIGKILL, restart on
// the same database: every acknowledged note is there, resends of the same clientOpIds are
// deduplicated from the op keys stored with the events, and the log stays gapless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { connect, createWorkshop, join, opId } from '../helpers/bots';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';
import { openStore } from '../../server/src/store/openStore';

let db: TestDatabase;
const servers: RunningServer[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  await db?.drop();
});

describe('server on PostgreSQL', () => {
  it('keeps acknowledged notes across SIGKILL and deduplicates resent commands', async () => {
    const env = { DATABASE_URL: db.url, RATE_LIMIT_PER_SEC: '10000', RATE_LIMIT_BURST: '10000' };
    const first = await startServer({ env });
    servers.push(first);
    const ws = await createWorkshop(first.url);
    const joined = await join(first.url, ws.joinCode, 'สมชาย');
    const bot = await connect(first.url, joined);
    expect(await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: 't1' })).toMatchObject({ ok: true });
    const notes = Array.from({ length: 30 }, (_, n) => ({
      type: 'note:create' as const,
      clientOpId: opId('pg'),
      noteId: `pg-${n}`,
      tableId: 't1',
      text: `ความคิด ${n}`,
      color: 'yellow' as const,
      x: n,
      y: n,
    }));
    const acks = await Promise.all(notes.map((c) => bot.send(c)));
    expect(acks.every((a) => a.ok)).toBe(true);
    bot.close();
    await first.kill();

    const second = await startServer({ env });
    servers.push(second);
    const again = await connect(second.url, joined); // the token was stored in PostgreSQL
    for (const c of notes) expect(again.state.notes[c.noteId]?.text).toBe(c.text);
    const resent = await Promise.all(notes.map((c) => again.send({ ...c, text: 'resent' })));
    expect(resent.every((a) => a.ok && a.duplicate)).toBe(true);
    again.close();
    await second.stop();

    const store = await openStore(db.url);
    try {
      const seqs = (await store.readSince(ws.workshopId, 0)).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(await store.headSeq(ws.workshopId)).toBe(seqs.length);
    } finally {
      await store.close();
    }
  });
});
