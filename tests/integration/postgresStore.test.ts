// The EventStore contract against PostgreSQL: a fresh database for the run on the machine's
// server (127.0.0.1:5432), created here and dropped at the end.
import { eventStoreContract } from '../../server/src/store/eventStore.contract';
import { PostgresEventStore } from '../../server/src/store/postgresStore';
import { useTestDatabase } from '../helpers/testDatabase';

const db = useTestDatabase();

eventStoreContract('PostgreSQL', {
  open: () => PostgresEventStore.open({ url: db.url, max: 4 }),
  snapshotCount: async (workshopId) =>
    Number((await db.reader.query('SELECT COUNT(*) AS n FROM snapshots WHERE workshop_id = $1', [workshopId])).rows[0].n),
  partRows: async (workshopId) =>
    (
      await db.reader.query<{ seq: number; part: number; body: string }>(
        'SELECT seq, part, body FROM snapshot_parts WHERE workshop_id = $1 ORDER BY seq, part',
        [workshopId],
      )
    ).rows,
  // every row a query can see, and every row version still in the table files (pageinspect's
  // heap_page_items: live and dead tuples alike), once the VACUUM the store starts has finished.
  // (Plain VACUUM removes dead row versions but does not zero the page space they leave; see
  // docs/PROTOCOL.md, "Deleted text is redacted".)
  rawContents: async (store) => {
    while ((store as PostgresEventStore).vacuuming) await (store as PostgresEventStore).vacuuming;
    const rows = await db.reader.query<{ row: string }>(
      'SELECT e::text AS row FROM events e UNION ALL SELECT s::text FROM snapshots s UNION ALL SELECT p::text FROM snapshot_parts p',
    );
    await db.reader.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const tuples = await db.reader.query<{ data: Buffer | null }>(
      `SELECT t.t_data AS data FROM unnest(ARRAY['events', 'snapshots', 'snapshot_parts']) AS rel,
         LATERAL generate_series(0, (pg_relation_size(rel) / current_setting('block_size')::int)::int - 1) AS n,
         LATERAL heap_page_items(get_raw_page(rel, n)) AS t`,
    );
    return Buffer.concat([Buffer.from(rows.rows.map((r) => r.row).join('\n')), ...tuples.rows.flatMap((r) => (r.data ? [r.data] : []))]);
  },
});
