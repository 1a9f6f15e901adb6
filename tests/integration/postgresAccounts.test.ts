// The AccountStore contract against PostgreSQL: a fresh database on the machine's server, dropped at the end.
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { accountStoreContract } from '../../server/src/accounts/accountStore.contract';
import { openAccountStore } from '../../server/src/accounts/accountStore';
import { PostgresEventStore } from '../../server/src/store/postgresStore';
import { type TestDatabase, createTestDatabase } from '../helpers/postgres';

let db: TestDatabase;
let reader: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  reader = new pg.Pool({ connectionString: db.url, max: 1 });
});
afterAll(async () => {
  await reader?.end();
  await db?.drop();
});

accountStoreContract('PostgreSQL', {
  open: async () => {
    const events = await PostgresEventStore.open({ url: db.url, max: 2 });
    return { events, accounts: openAccountStore(db.url) };
  },
  rowsOf: async (table, workshopId) =>
    Number(
      (await reader.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table === 'workshops' ? 'id' : 'workshop_id'} = $1`, [workshopId]))
        .rows[0].n,
    ),
});
