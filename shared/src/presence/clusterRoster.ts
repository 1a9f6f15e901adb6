// Who is online in a workshop across the nodes of a cluster: the people with a socket on this node,
// plus what each other node last reported. Another node's report lapses if it is not renewed within
// ROSTER_TTL_MS, so the people of a node that was killed (and can say nothing any more) go offline
// within a bounded time. A person counts once however many nodes and sockets they have.
import { OnlineRoster } from './roster';

/** How often a node repeats its roster of each workshop it has sockets of. */
export const ROSTER_REFRESH_MS = 1000;
/** How long another node's roster counts without being renewed (three refreshes may be lost). */
export const ROSTER_TTL_MS = 3000;

export interface OnlineChanges {
  online: string[];
  offline: string[];
}

const none = (): OnlineChanges => ({ online: [], offline: [] });

export class ClusterRoster {
  private readonly local = new OnlineRoster();
  private readonly remote = new Map<string, { online: Set<string>; until: number }>();
  /** person -> how many sources (this node, other nodes) have them online. */
  private readonly count = new Map<string, number>();
  /**
   * online() as the inside of a JSON array, or null until asked for after someone went offline.
   * Everyone connecting is sent the whole list: kept up to date as people come online, so a room
   * connecting costs O(people) in all rather than a fresh encoding of the list per newcomer.
   */
  private idsJson: string | null = '';

  constructor(private readonly ttlMs = ROSTER_TTL_MS) {}

  private up(pid: string, changes: OnlineChanges) {
    const n = (this.count.get(pid) ?? 0) + 1;
    this.count.set(pid, n);
    if (n === 1) {
      changes.online.push(pid);
      if (this.idsJson !== null) this.idsJson += (this.idsJson === '' ? '' : ',') + JSON.stringify(pid);
    }
  }

  private down(pid: string, changes: OnlineChanges) {
    const n = (this.count.get(pid) ?? 0) - 1;
    if (n > 0) return void this.count.set(pid, n);
    this.count.delete(pid);
    this.idsJson = null;
    changes.offline.push(pid);
  }

  /** A socket of this node; the person may become online. */
  addLocal(participantId: string, socketId: string): OnlineChanges {
    const changes = none();
    if (this.local.add(participantId, socketId)) this.up(participantId, changes);
    return changes;
  }

  /** A socket of this node closed; the person may go offline. */
  removeLocal(participantId: string, socketId: string): OnlineChanges {
    const changes = none();
    if (this.local.remove(participantId, socketId)) this.down(participantId, changes);
    return changes;
  }

  /** Another node's whole roster, renewed until now + TTL (an empty one removes the node). */
  setRemote(node: string, online: readonly string[], now: number): OnlineChanges {
    const changes = none();
    const before = this.remote.get(node)?.online ?? new Set<string>();
    const after = new Set(online);
    for (const pid of after) if (!before.has(pid)) this.up(pid, changes);
    for (const pid of before) if (!after.has(pid)) this.down(pid, changes);
    if (after.size === 0) this.remote.delete(node);
    else this.remote.set(node, { online: after, until: now + this.ttlMs });
    return changes;
  }

  /** Drops the rosters of nodes that have not renewed them in time. */
  expire(now: number): OnlineChanges {
    const changes = none();
    for (const [node, entry] of [...this.remote])
      if (entry.until <= now) {
        const c = this.setRemote(node, [], now);
        changes.online.push(...c.online);
        changes.offline.push(...c.offline);
      }
    return changes;
  }

  /** While no roster can arrive (this node's link is down) none may lapse: renew them all. */
  extend(now: number): void {
    for (const entry of this.remote.values()) entry.until = now + this.ttlMs;
  }

  /** Whether this node has a roster of `node`. */
  knows(node: string): boolean {
    return this.remote.has(node);
  }

  /** Everyone online, on any node. */
  online(): string[] {
    return [...this.count.keys()];
  }

  /** online() as JSON. */
  onlineJson(): string {
    this.idsJson ??= this.online()
      .map((pid) => JSON.stringify(pid))
      .join(',');
    return '[' + this.idsJson + ']';
  }

  /** The people with a socket on this node (what this node reports to the others). */
  localOnline(): string[] {
    return this.local.online();
  }

  /** How many people have a socket on this node. */
  get localSize(): number {
    return this.local.size;
  }
}
