// The AccountStore contract against PostgreSQL: a fresh database on the machine's server, dropped at the end.
import { accountStoreContract } from '../../server/src/accounts/accountStore.contract';
import { openAccountStore } from '../../server/src/accounts/accountStore';
import { PostgresEventStore } from '../../server/src/store/postgresStore';
import { useTestDatabase } from '../helpers/testDatabase';

const db = useTestDatabase();

accountStoreContract('PostgreSQL', {
  open: async () => {
    const events = await PostgresEventStore.open({ url: db.url, max: 2 });
    return { events, accounts: openAccountStore(db.url) };
  },
  rowsOf: async (table, workshopId) =>
    Number(
      (await db.reader.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table === 'workshops' ? 'id' : 'workshop_id'} = $1`, [workshopId]))
        .rows[0].n,
    ),
});
