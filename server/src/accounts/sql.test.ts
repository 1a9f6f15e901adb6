import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_STATEMENTS_KEPT, sqliteSql } from './sql';

/** An in-memory database whose prepare() calls are counted. */
function countingDb() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
  const counter = { prepared: 0 };
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    counter.prepared++;
    return prepare(sql);
  };
  return { db, counter };
}

let open: Database.Database | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('sqliteSql', () => {
  it.each([
    { calls: 1, distinct: 1 },
    { calls: 100, distinct: 1 },
    { calls: 100, distinct: 3 },
  ])('prepares each SQL text once: $calls calls of $distinct texts', async ({ calls, distinct }) => {
    const { db, counter } = countingDb();
    open = db;
    const q = sqliteSql(db);
    const texts = Array.from(
      { length: distinct },
      (_, i) => `INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = v + ${i + 1}`,
    );
    let changed = 0;
    for (let i = 0; i < calls; i++) changed += await q.run(texts[i % distinct]!, [`k${i % 7}`, i]);
    expect(counter.prepared).toBe(distinct);
    expect(changed).toBe(calls);
    const rows = await q.all<{ n: number }>('SELECT COUNT(*) AS n FROM t');
    expect(rows[0]!.n).toBe(Math.min(7, calls));
  });

  it('keeps at most SQLITE_STATEMENTS_KEPT statements and still answers every text', async () => {
    const { db, counter } = countingDb();
    open = db;
    const q = sqliteSql(db);
    for (let i = 0; i <= SQLITE_STATEMENTS_KEPT; i++) expect(await q.all<{ x: number }>(`SELECT ${i} AS x`)).toEqual([{ x: i }]);
    expect(counter.prepared).toBe(SQLITE_STATEMENTS_KEPT + 1);
    // the cache was emptied when full: the first text is prepared again, then kept
    await q.all('SELECT 0 AS x');
    await q.all('SELECT 0 AS x');
    expect(counter.prepared).toBe(SQLITE_STATEMENTS_KEPT + 2);
  });

  it('rolls a failed transaction back with its cached statements reused afterwards', async () => {
    const { db } = countingDb();
    open = db;
    const q = sqliteSql(db);
    const insert = 'INSERT INTO t (k, v) VALUES (?, ?)';
    await expect(
      q.tx(async (t) => {
        await t.run(insert, ['a', 1]);
        await t.run(insert, ['a', 2]); // primary key taken: the whole transaction goes
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await q.all('SELECT * FROM t')).toEqual([]);
    await q.tx(async (t) => void (await t.run(insert, ['a', 3])));
    expect(await q.all('SELECT k, v FROM t')).toEqual([{ k: 'a', v: 3 }]);
  });
});
