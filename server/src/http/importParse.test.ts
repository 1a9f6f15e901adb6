import { describe, expect, it } from 'vitest';
import { type PortableWorkshop, parseExport } from '@world-cafe/shared';
import { largeExport } from '@world-cafe/shared/testing';
import { parseImport } from './importParse';
import { addPart, splitLargeRecords } from './importParts';

const hostile = (text: string) => {
  const doc = JSON.parse(text);
  doc.workshop.title = `\u202Ex${'\u0301'.repeat(5000)}`;
  return JSON.stringify(doc);
};

describe('splitLargeRecords / addPart', () => {
  const state = {
    notes: { a: 1, b: 2, c: 3, d: 4, e: 5 },
    seats: { x: 't1' },
    phase: 'cafe',
    list: [1, 2, 3],
  } as unknown as PortableWorkshop;
  it.each([
    [
      'records above a part go in parts, in order',
      2,
      { notes: {}, seats: { x: 't1' } },
      [
        ['notes', 2],
        ['notes', 2],
        ['notes', 1],
      ],
    ],
    ['nothing is split when every record fits', 5, { notes: { a: 1, b: 2, c: 3, d: 4, e: 5 }, seats: { x: 't1' } }, []],
  ] as const)('%s', (_name, per, head, parts) => {
    const split = splitLargeRecords(state, per);
    expect(split.head).toMatchObject({ ...head, phase: 'cafe', list: [1, 2, 3] });
    expect(split.parts.map(([f, e]) => [f, e.length])).toEqual(parts);
    const back = structuredClone(split.head);
    for (const [field, entries] of split.parts) addPart(back, field, entries);
    expect(back).toEqual(state);
    expect(Object.keys((back as unknown as { notes: object }).notes)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('parseImport', () => {
  const text = largeExport(5000);

  it('parses a large export on a thread of its own, handing it back a part per turn of the loop', async () => {
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const atPart: number[] = [];
    const parsed = await parseImport(text, 1024, () => atPart.push(turns));
    counting = false;
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // only the thread hands back the state's JSON (and parts)
    expect(parsed.json).toBeDefined();
    const expected = parseExport(JSON.parse(text));
    if (!expected.ok) throw new Error(expected.message);
    expect(parsed.state).toEqual(expected.state);
    expect(Object.keys(parsed.state.notes)).toEqual(Object.keys(expected.state.notes));
    expect(JSON.parse(parsed.json!)).toEqual(expected.state);
    // the 5,000 notes came back in 3 parts, each put back on a turn of its own
    expect(atPart).toHaveLength(3);
    expect(new Set(atPart).size).toBe(3);
  });

  it('parses a small export inline, to the same state', async () => {
    const small = largeExport(3);
    const parsed = await parseImport(small);
    const expected = parseExport(JSON.parse(small));
    expect(parsed).toEqual(expected.ok ? { ok: true, state: expected.state } : null);
  });

  it.each([
    ['inline', 1 << 30],
    ['on a thread', 1024],
  ])('refuses, %s, malformed JSON and an export that breaks the rules, naming the field', async (_where, inlineBytes) => {
    expect(await parseImport(text.slice(0, -20), inlineBytes)).toEqual({ ok: false, message: 'malformed JSON' });
    const bad = await parseImport(hostile(text), inlineBytes);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('workshop.title');
  });
});
