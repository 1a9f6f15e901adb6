// The JSON import applies the live commands' text hygiene: hostile text is cleaned the same way,
// or refused with the field named; clean text round-trips byte for byte.
import { describe, expect, it } from 'vitest';
import { exportFixture } from './fixture';
import { exportJson, parseExport } from './json';
import { MAX_MARKS_PER_GRAPHEME } from '../text';

const RLO = '\u202E';
const ZWSP = '\u200B';
const MARK = '\u0301';

/** The fixture's export as an object, changed by `edit`. */
function exported(edit: (w: Record<string, any>) => void = () => {}) {
  const doc = JSON.parse(exportJson(exportFixture()));
  edit(doc.workshop);
  return doc;
}
const firstTable = (w: Record<string, any>) => w.tables[Object.keys(w.tables)[0]!];
const firstParticipant = (w: Record<string, any>) => w.participants[Object.keys(w.participants)[0]!];

describe('parseExport: text hygiene', () => {
  it('round-trips clean text unchanged', () => {
    const parsed = parseExport(exported());
    expect(parsed.ok).toBe(true);
  });

  it.each([
    [
      'an RLO title with 5,000 combining marks',
      (w: Record<string, any>) => (w.title = `${RLO}x${MARK.repeat(5000)}`),
      /^not a World Café export \(schema 1\): workshop\.title /,
    ],
    [
      'a zero-width-only participant name',
      (w: Record<string, any>) => (firstParticipant(w).name = ZWSP.repeat(3)),
      /participants\.[^.]+\.name must not be empty/,
    ],
    [
      'a zero-width-only table name',
      (w: Record<string, any>) => (firstTable(w).name = `${ZWSP}\u2060`),
      /tables\.[^.]+\.name must not be empty/,
    ],
    [
      'a blank note',
      (w: Record<string, any>) => (w.notes[Object.keys(w.notes)[0]!].text = ' \u200D '),
      /notes\.[^.]+\.text must not be empty/,
    ],
    ['a title of 201 characters', (w: Record<string, any>) => (w.title = 'x'.repeat(201)), /title at most 200 characters/],
  ])('refuses %s, naming the field', (_n, edit, message) => {
    const parsed = parseExport(exported(edit));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });

  it('cleans what the live commands clean: marks capped, bidi balanced in text and stripped from names', () => {
    const parsed = parseExport(
      exported((w) => {
        w.title = `${RLO}Title x${MARK.repeat(40)}`;
        firstTable(w).name = `${RLO}Table`;
        w.purpose = `a\u0000b\r\n${RLO}c`;
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state.title).toBe(`${RLO}Title x${MARK.repeat(MAX_MARKS_PER_GRAPHEME)}\u202C`);
    expect(Object.values(parsed.state.tables).some((t) => t.name === 'Table')).toBe(true);
    expect(parsed.state.purpose).toBe(`ab\n${RLO}c\u202C`);
  });
});
