// Where notes are drawn on a table's canvas so that none covers another. Notes keep the place
// their writer gave them (x, y on the server); heights come from the screen (a long Thai note is
// taller than a short English one), so each screen pushes a note that would overlap an earlier
// one straight down below it. The stored positions never change: this is drawing, not moving.

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Space kept between two notes. */
export const NOTE_GAP = 8;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

/**
 * Drawn positions (by id): notes are taken top to bottom, left to right (ties by id, so every
 * screen agrees), and each goes below whatever already placed note it would overlap.
 */
export function layoutNotes(boxes: readonly Box[], gap = NOTE_GAP): Map<string, { x: number; y: number }> {
  const order = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: Box[] = [];
  const out = new Map<string, { x: number; y: number }>();
  for (const b of order) {
    const box = { ...b };
    for (;;) {
      const hits = placed.filter((p) => overlaps(box, p, gap));
      if (hits.length === 0) break;
      box.y = Math.max(...hits.map((p) => p.y + p.h + gap));
    }
    placed.push(box);
    out.set(b.id, { x: box.x, y: box.y });
  }
  return out;
}

/**
 * The first free spot for a new note of size w × h, scanning a grid over the visible part of the
 * canvas (origin and width) row by row, among the notes as drawn.
 */
export function freeSpot(
  drawn: readonly Box[],
  w: number,
  h: number,
  origin: { x: number; y: number },
  width: number,
  pad = 16,
  gap = NOTE_GAP * 3,
): { x: number; y: number } {
  const stepX = w + gap;
  const cols = Math.max(1, Math.floor((width - pad) / stepX));
  const stepY = 24;
  for (let row = 0; row < 2000; row++) {
    for (let col = 0; col < cols; col++) {
      const cand: Box = { id: '', x: origin.x + pad + col * stepX, y: origin.y + pad + row * stepY, w, h };
      if (!drawn.some((p) => overlaps(cand, p, NOTE_GAP))) return { x: cand.x, y: cand.y };
    }
  }
  return { x: origin.x + pad, y: origin.y + pad };
}
