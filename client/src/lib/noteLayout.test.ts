import { describe, expect, it } from 'vitest';
import { freeSpot, layoutNotes, NOTE_GAP, type Box } from './noteLayout';

const box = (id: string, x: number, y: number, h = 100, w = 200): Box => ({ id, x, y, w, h });
const intersect = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutNotes', () => {
  it.each<[string, Box[], Record<string, [number, number]>]>([
    ['apart notes stay where they are', [box('a', 0, 0), box('b', 300, 0), box('c', 0, 200)], { a: [0, 0], b: [300, 0], c: [0, 200] }],
    ['a tall note pushes the one below it down', [box('a', 0, 0, 300), box('b', 0, 174)], { a: [0, 0], b: [0, 300 + NOTE_GAP] }],
    [
      'a push carries on down the column',
      [box('a', 0, 0, 300), box('b', 0, 174), box('c', 0, 348)],
      { a: [0, 0], b: [0, 308], c: [0, 416] },
    ],
    ['same place: the earlier id stays, the other goes below', [box('b', 10, 10), box('a', 10, 10)], { a: [10, 10], b: [10, 118] }],
    ['notes side by side do not push', [box('a', 0, 0, 400), box('b', 250, 50)], { a: [0, 0], b: [250, 50] }],
  ])('%s', (_name, boxes, want) => {
    const got = layoutNotes(boxes);
    expect(Object.fromEntries([...got].map(([id, p]) => [id, [p.x, p.y]]))).toEqual(want);
  });

  it('no two drawn notes ever overlap, whatever the heights', () => {
    const boxes = Array.from({ length: 60 }, (_, i) => box(`n${i}`, (i * 37) % 500, (i * 53) % 400, 80 + ((i * 71) % 250)));
    const drawn = layoutNotes(boxes);
    const placed = boxes.map((b) => ({ ...b, ...drawn.get(b.id)! }));
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(intersect(placed[i]!, placed[j]!)).toBe(false);
  });
});

describe('freeSpot', () => {
  it.each<[string, Box[], number, [number, number]]>([
    ['an empty canvas: the top left corner', [], 100, [16, 16]],
    ['beside the first note', [box('a', 16, 16)], 100, [16 + 200 + 24, 16]],
    ['a full row: first under the shorter note', [box('a', 16, 16, 300), box('b', 240, 16)], 100, [240, 16 + 24 * 5]],
  ])('%s', (_name, drawn, h, [x, y]) => {
    expect(freeSpot(drawn, 200, h, { x: 0, y: 0 }, 480)).toEqual({ x, y });
  });

  it('the spot found never overlaps a drawn note', () => {
    const drawn = [box('a', 16, 16, 250), box('b', 240, 16, 90), box('c', 240, 120, 300)];
    const spot = freeSpot(drawn, 200, 180, { x: 0, y: 0 }, 480);
    for (const d of drawn) expect(intersect({ id: 'new', ...spot, w: 200, h: 180 }, d)).toBe(false);
  });
});
