// What a store still holds of a workshop, read beside the server: in every table, the rows that
// mention the workshop's id in any column (not only the tables a test knows of, so a table added
// later that forgets the workshop on delete is caught too). SQLite file or PostgreSQL database.
import Database from 'better-sqlite3';
import pg from 'pg';

/** Rows mentioning `workshopId`, per table of the SQLite file (tables with none are left out). */
export function sqliteRowsOf(file: string, workshopId: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
      name: string;
    }>;
    for (const { name } of tables) {
      const cols = (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name);
      if (!cols.length) continue;
      // instr, not LIKE: an id's "_" would be a wildcard
      const where = cols.map((c) => `instr(CAST("${c}" AS TEXT), @id) > 0`).join(' OR ');
      const n = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}" WHERE ${where}`).get({ id: workshopId }) as { n: number }).n;
      if (n > 0) out[name] = n;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Rows mentioning `workshopId`, per table of the database's public schema (tables with none are left out). */
export async function postgresRowsOf(url: string, workshopId: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    );
    const byTable = new Map<string, string[]>();
    for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
    const out: Record<string, number> = {};
    for (const [table, cols] of byTable) {
      const where = cols.map((c) => `position($1 in "${c}"::text) > 0`).join(' OR ');
      const n = Number((await client.query(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`, [workshopId])).rows[0].n);
      if (n > 0) out[table] = n;
    }
    return out;
  } finally {
    await client.end();
  }
}
