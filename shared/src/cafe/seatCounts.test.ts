import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { WorkshopState } from './model';
import type { DomainEvent } from './protocol';
import { applyEnvelopes, applyEnvelopesOwned, ownedCopy } from './reduce';
import { tableCount } from './seatCounts';
import { envelopes, standardWorkshop } from '../testing/fixtures';

const TABLES = ['t1', 't2', 't3'];
const PEOPLE = ['a', 'b', 'c', 'd', 'e'];

/** What tableCount answers, counted the slow way. */
const counted = (s: WorkshopState, table: string) => Object.values(s.seats).filter((t) => t === table).length;

/** A seat change as the reducer gets it (to a table, or unseated), from where the person sits now. */
function seatEvent(s: WorkshopState, person: string, to: string | null): DomainEvent {
  return { type: 'seat:assigned', participantId: person, tableId: to, from: s.seats[person] ?? null };
}

describe('tableCount', () => {
  it.each<[string, Record<string, string>, Record<string, number>]>([
    ['nobody seated', {}, { t1: 0, t2: 0 }],
    ['two at one table, one at another', { a: 't1', b: 't1', c: 't2' }, { t1: 2, t2: 1, t3: 0 }],
    ['a table nobody has heard of', { a: 't1' }, { nowhere: 0 }],
  ])('%s', (_name, seats, expected) => {
    const state = { ...standardWorkshop('cafe'), seats };
    for (const [table, n] of Object.entries(expected)) expect(tableCount(state, table)).toBe(n);
  });

  // The index is built on the first ask and then kept up by the in-place fold: asked between
  // any of the changes, it must answer what counting gives, in both folds.
  it('stays exact through seat changes folded in place or copied, asked at any point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PEOPLE), fc.option(fc.constantFrom(...TABLES)), fc.boolean()), { maxLength: 40 }),
        (steps) => {
          let owned = ownedCopy(standardWorkshop('cafe'));
          let copied = standardWorkshop('cafe');
          for (const [person, to, ask] of steps) {
            const [env] = envelopes(owned, [seatEvent(owned, person, to)], null);
            owned = applyEnvelopesOwned(owned, [env!]);
            copied = applyEnvelopes(copied, [env!]);
            if (!ask) continue;
            for (const t of TABLES) {
              expect(tableCount(owned, t)).toBe(counted(owned, t));
              expect(tableCount(copied, t)).toBe(counted(copied, t));
            }
          }
          for (const t of TABLES) expect(tableCount(owned, t)).toBe(counted(owned, t));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
