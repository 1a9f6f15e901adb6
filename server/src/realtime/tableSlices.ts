// Table slices (the `sync` a person gets when their seat changes) cut from an index of the
// committed state by table, built once per committed state. tableSliceFor() walks every seat and
// every note for each person moved; seating a room (or a round that moves everyone) moves
// hundreds of people per batch, which made each batch O(people × (people + notes)). A committed
// state object is current until the next event is folded (which makes a new one, see
// applyEnvelopesOwned), so an index keyed by it never goes stale.
import { type TableSlice, type WorkshopState, tableSliceFor, viewerOf } from '@world-cafe/shared';

interface TableIndex {
  seats: Map<string, WorkshopState['seats']>;
  notes: Map<string, WorkshopState['notes']>;
  summaries: Map<string, WorkshopState['summaries']>;
}

const indexes = new WeakMap<WorkshopState, TableIndex>();

function group<T>(into: Map<string, Record<string, T>>, table: string, key: string, value: T) {
  let records = into.get(table);
  if (!records) into.set(table, (records = {}));
  records[key] = value;
}

function indexOf(committed: WorkshopState): TableIndex {
  let ix = indexes.get(committed);
  if (!ix) {
    ix = { seats: new Map(), notes: new Map(), summaries: new Map() };
    for (const [p, t] of Object.entries(committed.seats)) group(ix.seats, t, p, t);
    for (const n of Object.values(committed.notes)) group(ix.notes, n.tableId, n.id, n);
    for (const [k, s] of Object.entries(committed.summaries)) group(ix.summaries, s.tableId, k, s);
    indexes.set(committed, ix);
  }
  return ix;
}

/**
 * tableSliceFor(committed, participantId) for the workshop's current committed state. The records
 * may be shared with other slices of the same state: they are only serialised, never changed.
 */
export function tableSliceOf(committed: WorkshopState, participantId: string): TableSlice {
  const v = viewerOf(committed, participantId);
  // whoever sees every table, or sits at none, gets whole records or none: nothing to cut per table
  if (v.open || v.table === null) return tableSliceFor(committed, participantId);
  const ix = indexOf(committed);
  return {
    seq: committed.seq,
    seats: ix.seats.get(v.table) ?? {},
    notes: ix.notes.get(v.table) ?? {},
    summaries: ix.summaries.get(v.table) ?? {},
  };
}
