// Who is connected, counted per person: a person with a laptop and a phone open is one person
// online, and goes offline only when the last of their sockets closes.
import type { WorkshopState } from '../cafe/model';

export class OnlineRoster {
  private readonly sockets = new Map<string, Set<string>>();

  /** Adds a socket; true when this makes the person newly online. */
  add(participantId: string, socketId: string): boolean {
    let set = this.sockets.get(participantId);
    const first = !set || set.size === 0;
    if (!set) this.sockets.set(participantId, (set = new Set()));
    set.add(socketId);
    return first;
  }

  /** Removes a socket; true when this was the person's last one (now offline). */
  remove(participantId: string, socketId: string): boolean {
    const set = this.sockets.get(participantId);
    if (!set || !set.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.sockets.delete(participantId);
    return true;
  }

  online(): string[] {
    return [...this.sockets.keys()];
  }

  get size(): number {
    return this.sockets.size;
  }
}

/** "n of m here": of the people seated at a table, how many are connected. */
export function tableHere(
  state: Pick<WorkshopState, 'seats'>,
  online: ReadonlySet<string> | Record<string, unknown>,
  tableId: string,
): { here: number; of: number } {
  const isOnline = (pid: string) => (online instanceof Set ? online.has(pid) : Object.hasOwn(online, pid));
  let here = 0;
  let of = 0;
  for (const [pid, t] of Object.entries(state.seats)) {
    if (t !== tableId) continue;
    of++;
    if (isOnline(pid)) here++;
  }
  return { here, of };
}
