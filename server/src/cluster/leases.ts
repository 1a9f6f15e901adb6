// Who decides for a workshop, across nodes: a PostgreSQL session-level advisory lock per workshop,
// held on one dedicated connection per node. The lock IS the lease: while the holder's session
// lives nobody else can take it, and it is released the moment that session ends, so a node that
// is killed (its TCP connection closes) frees its workshops at once, without waiting for a TTL.
// Safety does not rest on the node's belief that it holds a lock: every append transaction checks in
// pg_locks that this node's lease session holds the workshop's lock right then (see fence() and
// PostgresEventStore's writer fence), so a former owner that has not yet noticed its loss (a cut
// connection, a paused process) cannot append anything, and the log's primary key refuses a seq
// written twice.
import pg from 'pg';

/** Namespace of the two-key advisory locks (the workshop id is hashed into the second key). */
const LOCK_NAMESPACE = 7_307_011;

export interface LeaseLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Of `ids`, the workshops whose lease the session `pid` holds right now (run inside a transaction: the writer fence). */
export const HELD_BY_SQL = `SELECT w FROM unnest($1::text[]) AS w WHERE EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = ${LOCK_NAMESPACE}::oid AND l.objid = hashtext(w)::oid AND l.objsubid = 2 AND l.pid = $2 AND l.granted)`;

export class WorkshopLeases {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private held = new Set<string>();
  private closed = false;
  /** The lease session's backend pid (null while there is no session): what the writer fence checks. */
  private pid: number | null = null;

  /** Called with the workshops whose lease this node just lost (its lock connection died). */
  onLost: (ids: string[]) => void = () => {};
  /** Called whenever this node starts or stops holding a workshop's lease (its command channel follows it). */
  onHeld: (id: string, held: boolean) => void = () => {};

  constructor(
    private url: string,
    private logger: LeaseLogger,
  ) {}

  holds(id: string): boolean {
    return this.held.has(id);
  }

  /** How many workshops this node decides for (the owned-workshops metric). */
  get count(): number {
    return this.held.size;
  }

  /** The backend pid of the lease session, or null without one: appends are fenced on it. */
  fencePid(): number | null {
    return this.pid;
  }

  /** Takes the workshop's lease if nobody holds it (true also when this node already does). */
  tryAcquire(id: string): Promise<boolean> {
    if (this.held.has(id)) return Promise.resolve(true);
    // Concurrent callers (the poll, a forwarded command, a takeover) share one attempt: the
    // advisory lock is re-entrant within a session, so two pg_try_advisory_lock calls would take it
    // twice, and release()'s one unlock would leave it held: the workshop stuck on this node.
    let attempt = this.acquiring.get(id);
    if (!attempt) {
      attempt = this.lock(id).finally(() => this.acquiring.delete(id));
      this.acquiring.set(id, attempt);
    }
    return attempt;
  }

  private acquiring = new Map<string, Promise<boolean>>();

  private async lock(id: string): Promise<boolean> {
    const c = await this.connection();
    const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, id]);
    if (!rows[0]?.ok || this.client !== c) return false;
    this.held.add(id);
    this.onHeld(id, true);
    this.logger.info({ workshopId: id, owned: this.held.size }, 'this node now decides for the workshop (lease won)');
    return true;
  }

  async release(id: string): Promise<void> {
    if (!this.held.delete(id)) return;
    this.onHeld(id, false);
    if (!this.client) return;
    this.logger.info({ workshopId: id, owned: this.held.size }, 'this node no longer decides for the workshop (lease released)');
    await this.client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, id]).catch(() => {});
  }

  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('leases closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 3000, query_timeout: 3000, keepAlive: true });
      const lost = (err?: Error) => {
        if (this.client !== c) return;
        this.client = null;
        this.pid = null;
        const ids = [...this.held];
        this.held.clear();
        for (const id of ids) this.onHeld(id, false);
        if (ids.length > 0)
          this.logger.warn(
            { err: err?.message, workshops: ids.length, workshopIds: ids },
            'lease connection lost: this node no longer decides for its workshops (leases lost)',
          );
        this.onLost(ids);
        c.end().catch(() => {});
      };
      c.on('error', lost);
      c.on('end', () => lost());
      try {
        await c.connect();
        const { rows } = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        this.pid = rows[0]!.pid;
      } catch (err) {
        c.end().catch(() => {});
        throw err;
      }
      this.client = c;
      return c;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    this.pid = null;
    for (const id of this.held) this.onHeld(id, false);
    this.held.clear();
    await c?.end().catch(() => {});
  }
}
