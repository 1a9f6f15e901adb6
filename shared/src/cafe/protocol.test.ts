import { describe, it, expect } from 'vitest';
import type { Command, DomainEvent } from './protocol';
import {
  COMMAND_TYPES,
  LIMITS,
  commandSchema,
  commandSchemas,
  createWorkshopSchema,
  eventSchemas,
  handshakeSchema,
  idSchema,
  issueInviteSchema,
  joinSchema,
  nameSchema,
  noteTextSchema,
} from './protocol';
import { charCount } from '../text';
import { decide } from './decide';
import { LATER, N, P, as, cmd, run, standardWorkshop } from '../testing/fixtures';

const OP = 'op-00000001';
const noteCreate = (over: Record<string, unknown> = {}) => ({
  type: 'note:create',
  clientOpId: OP,
  noteId: 'n1',
  tableId: 't1',
  text: 'hello',
  color: 'yellow',
  x: 10,
  y: 10,
  ...over,
});
const parseNote = (over: Record<string, unknown>) => commandSchema.safeParse(noteCreate(over));
const noteText = (text: string) => {
  const r = parseNote({ text });
  return r.success && r.data.type === 'note:create' ? r.data.text : undefined;
};

describe('commandSchema: shape', () => {
  it.each<[string, unknown, boolean]>([
    ['a valid note:create', noteCreate(), true],
    ['unknown type', { ...noteCreate(), type: 'note:explode' }, false],
    ['missing type', (({ type: _t, ...rest }) => rest)(noteCreate()), false],
    ['extra top-level key (strict)', { ...noteCreate(), authorId: P.d1 }, false],
    ['extra key smuggling a role', { type: 'workshop:set-phase', clientOpId: OP, phase: 'cafe', role: 'facilitator' }, false],
    ['extra nested key (strict theme)', { type: 'theme:add', clientOpId: OP, theme: { id: 'th9', name: 'x', color: 'red' } }, false],
    [
      'extra nested key (strict table)',
      { type: 'table:add', clientOpId: OP, table: { id: 't9', name: 'x', themeId: null, question: '', capacity: 3, seats: 9 } },
      false,
    ],
    ['missing clientOpId', (({ clientOpId: _c, ...rest }) => rest)(noteCreate()), false],
    ['unknown color', noteCreate({ color: 'black' }), false],
    ['unknown phase', { type: 'workshop:set-phase', clientOpId: OP, phase: 'party' }, false],
    ['unknown role', { type: 'participant:set-role', clientOpId: OP, participantId: 'p', role: 'admin' }, false],
    ['seat:assign with null table (unseat)', { type: 'seat:assign', clientOpId: OP, participantId: 'p', tableId: null }, true],
    ['table:update with null theme', { type: 'table:update', clientOpId: OP, tableId: 't1', themeId: null }, true],
    ['workshop:update with nothing (schema allows, decide rejects)', { type: 'workshop:update', clientOpId: OP }, true],
    ['system command workshop:create is not a socket command', { type: 'workshop:create', clientOpId: OP }, false],
    ['system command participant:join is not a socket command', { type: 'participant:join', clientOpId: OP }, false],
    ['not an object', 'note:create', false],
    ['null', null, false],
  ])('%s → %s', (_n, input, ok) => {
    expect(commandSchema.safeParse(input).success).toBe(ok);
  });

  it('commandSchema covers exactly the per-type schemas', () => {
    expect(COMMAND_TYPES).toHaveLength(Object.keys(commandSchemas).length);
    for (const type of COMMAND_TYPES) {
      const shape = commandSchemas[type].shape as { type: { value: string } };
      expect(shape.type.value).toBe(type);
    }
  });
});

describe('commandSchema: note text limits (graphemes, not code units)', () => {
  it.each<[string, string, boolean]>([
    ['500 ASCII', 'a'.repeat(500), true],
    ['501 ASCII', 'a'.repeat(501), false],
    ['500 Thai clusters with combining marks (1500 code units)', 'กี่'.repeat(500), true],
    ['501 Thai clusters', 'กี่'.repeat(501), false],
    ['500 น้ำ (sara am)', 'น้ำ'.repeat(500), true],
    ['500 skin-toned emoji', '👍🏽'.repeat(500), true],
    ['501 skin-toned emoji', '👍🏽'.repeat(501), false],
    ['500 flags', '🇹🇭'.repeat(500), true],
    ['501 flags', '🇹🇭'.repeat(501), false],
    ['500 rainbow flags (ZWJ, 6 code units each)', '🏳️‍🌈'.repeat(500), true],
    ['500 RTL Arabic letters', 'م'.repeat(500), true],
    ['501 RTL Arabic letters', 'م'.repeat(501), false],
    ['RTL Arabic sentence', 'مرحبا بكم في المقهى العالمي', true],
    ['mixed scripts', 'Hi กี่ 👨‍👩‍👧‍👦 مرحبا', true],
    ['single character', 'x', true],
    ['empty', '', false],
    ['whitespace only', '   \n\t ', false],
    ['control characters only', '\u0000\u0007\u001b', false],
    ['501 decomposed é (1002 code units → 501 graphemes)', 'e\u0301'.repeat(501), false],
    ['500 decomposed é', 'e\u0301'.repeat(500), true],
  ])('%s → %s', (_n, text, ok) => {
    expect(parseNote({ text }).success).toBe(ok);
  });

  it('500 ZWJ family emoji (7 code points, 11 code units each) are accepted', () => {
    expect(parseNote({ text: '👨‍👩‍👧‍👦'.repeat(500) }).success).toBe(true);
  });

  // Known limitation: the raw pre-check allows 8 code points per character (4000 for a note).
  // A kiss with two skin tones is one grapheme of 10 code points, so 500 of them are refused.
  // Flip to `it` if the raw bound is raised.
  it('accepts 500 ten-code-point emoji graphemes (raw cap is 16 UTF-16 units per grapheme)', () => {
    const kiss = '👩🏻\u200d❤️\u200d💋\u200d👨🏼';
    expect(charCount(kiss.repeat(500))).toBe(500);
    expect(parseNote({ text: kiss.repeat(500) }).success).toBe(true);
  });

  it('a payload over 8000 UTF-16 units is refused before cleaning, even if it cleans short', () => {
    expect(parseNote({ text: 'a' + '\u0000'.repeat(LIMITS.noteChars * 16) }).success).toBe(false);
  });
});

describe('commandSchema: text is cleaned', () => {
  it.each<[string, string, string]>([
    ['NFC composes e + combining acute', 'cafe\u0301', 'caf\u00e9'],
    ['strips NUL and BEL', 'a\u0000b\u0007c', 'abc'],
    ['strips CR, keeps LF and tab', 'line1\r\nline2\tx', 'line1\nline2\tx'],
    ['strips DEL and ESC', '\u001b[31mred\u007f', '[31mred'],
    ['keeps Thai as is', 'กี่น้ำ', 'กี่น้ำ'],
    ['keeps RTL Arabic as is', 'مرحبا', 'مرحبا'],
    ['keeps ZWJ emoji intact', '👨‍👩‍👧‍👦', '👨‍👩‍👧‍👦'],
    ['does not trim', '  padded  ', '  padded  '],
    // Stripping must happen before normalising, else the result is not NFC.
    ['control between base and combining mark → NFC', 'e\u0000\u0301', '\u00e9'],
  ])('%s', (_n, input, expected) => {
    expect(noteText(input)).toBe(expected);
  });

  it('a name is cleaned the same way', () => {
    const r = commandSchema.safeParse({ type: 'theme:rename', clientOpId: OP, themeId: 'th1', name: 'Cafe\u0301\u0000' });
    expect(r.success && r.data.type === 'theme:rename' ? r.data.name : null).toBe('Caf\u00e9');
  });

  it('a name is limited to 80 graphemes', () => {
    const rename = (name: string) => commandSchema.safeParse({ type: 'theme:rename', clientOpId: OP, themeId: 'th1', name }).success;
    expect(rename('ก'.repeat(LIMITS.nameChars))).toBe(true);
    expect(rename('ก'.repeat(LIMITS.nameChars + 1))).toBe(false);
  });

  it('noteTextSchema counts graphemes after cleaning', () => {
    const out = noteTextSchema.parse('กี่'.repeat(500));
    expect(charCount(out)).toBe(500);
  });
});

describe('ids', () => {
  it.each<[string, string, boolean]>([
    ['one letter', 'a', true],
    ['letters, digits, _ and -', 'Ab_9-z', true],
    ['nanoid-like', 'V1StGXR8_Z5jdHi6B-myT', true],
    ['64 chars', 'x'.repeat(64), true],
    ['65 chars', 'x'.repeat(65), false],
    ['empty', '', false],
    ['space', 'a b', false],
    ['dot', 'a.b', false],
    ['slash', 'a/b', false],
    ['accented', 'é', false],
    ['Thai', 'กี่', false],
    ['emoji', '👍', false],
    ['prototype key', '__proto__', false], // would be found on Object.prototype by a record lookup
    ['constructor', 'constructor', false],
    ['newline', 'a\n', false],
  ])('%s (%j) → %s', (_n, id, ok) => {
    expect(idSchema.safeParse(id).success).toBe(ok);
    expect(parseNote({ noteId: id }).success).toBe(ok);
  });
});

describe('coordinates', () => {
  it.each<[string, unknown, boolean]>([
    ['zero', 0, true],
    ['board size', LIMITS.boardSize, true],
    ['fraction', 123.45, true],
    ['negative', -1, false],
    ['beyond the board', LIMITS.boardSize + 0.001, false],
    ['NaN', NaN, false],
    ['Infinity', Infinity, false],
    ['string', '10', false],
    ['null', null, false],
  ])('%s → %s', (_n, v, ok) => {
    expect(parseNote({ x: v }).success).toBe(ok);
    expect(parseNote({ y: v }).success).toBe(ok);
    expect(commandSchema.safeParse({ type: 'note:move', clientOpId: OP, noteId: 'n1', x: v, y: 0 }).success).toBe(ok);
  });
});

describe('clientOpId', () => {
  it.each<[string, unknown, boolean]>([
    ['7 chars', 'a'.repeat(7), false],
    ['8 chars', 'a'.repeat(8), true],
    ['64 chars', 'a'.repeat(64), true],
    ['65 chars', 'a'.repeat(65), false],
    ['with _ and -', 'op_1234-abcd', true],
    ['with a space', 'op 12345678', false],
    ['with a colon', 'op:12345678', false],
    ['number', 12345678, false],
  ])('%s → %s', (_n, clientOpId, ok) => {
    expect(commandSchema.safeParse({ ...noteCreate(), clientOpId }).success).toBe(ok);
  });
});

describe('table capacity and delegation codes', () => {
  const addTable = (capacity: unknown) =>
    commandSchema.safeParse({
      type: 'table:add',
      clientOpId: OP,
      table: { id: 't9', name: 'T', themeId: null, question: '', capacity },
    }).success;
  it.each<[unknown, boolean]>([
    [1, true],
    [LIMITS.tableCapacity, true],
    [0, false],
    [LIMITS.tableCapacity + 1, false],
    [2.5, false],
    [-3, false],
  ])('capacity %s → %s', (capacity, ok) => expect(addTable(capacity)).toBe(ok));

  const addDelegation = (code: string) =>
    commandSchema.safeParse({ type: 'delegation:add', clientOpId: OP, delegation: { id: 'd', name: 'D', code } }).success;
  it.each<[string, boolean]>([
    ['TH', true],
    ['ASEC', true],
    ['X-1', true],
    ['x'.repeat(LIMITS.codeChars), true],
    ['x'.repeat(LIMITS.codeChars + 1), false],
    ['', false],
    ['T H', false],
    ['T_H', false],
  ])('delegation code %j → %s', (code, ok) => expect(addDelegation(code)).toBe(ok));
});

describe('HTTP-edge schemas', () => {
  it('createWorkshopSchema fills defaults', () => {
    expect(createWorkshopSchema.parse({ title: 'T', facilitatorName: 'F' })).toEqual({
      title: 'T',
      purpose: '',
      language: 'en',
      facilitatorName: 'F',
      themes: [],
      tables: [],
      delegations: [],
    });
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['empty title', { title: ' ', facilitatorName: 'F' }, false],
    ['31 themes', { title: 'T', facilitatorName: 'F', themes: Array.from({ length: 31 }, (_, i) => ({ id: `t${i}`, name: 'x' })) }, false],
    ['30 themes', { title: 'T', facilitatorName: 'F', themes: Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, name: 'x' })) }, true],
    ['bad language', { title: 'T', facilitatorName: 'F', language: 'e' }, false],
    ['extra key', { title: 'T', facilitatorName: 'F', admin: true }, false],
  ])('createWorkshopSchema: %s → %s', (_n, input, ok) => {
    expect(createWorkshopSchema.safeParse(input).success).toBe(ok);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['minimal', { code: 'ABCD2345', name: 'Nok' }, true],
    ['observer', { code: 'ABCD2345', name: 'Nok', role: 'observer' }, true],
    ['cannot join as facilitator', { code: 'ABCD2345', name: 'Nok', role: 'facilitator' }, false],
    ['cannot join as host', { code: 'ABCD2345', name: 'Nok', role: 'host' }, false],
    ['short code', { code: 'ABC', name: 'Nok' }, false],
    ['empty name', { code: 'ABCD2345', name: '' }, false],
    ['new delegation', { code: 'ABCD2345', name: 'Nok', newDelegation: { name: 'Laos', code: 'LA' } }, true],
    ['new delegation cannot pick its id', { code: 'ABCD2345', name: 'Nok', newDelegation: { id: 'x', name: 'Laos', code: 'LA' } }, false],
    ['extra key', { code: 'ABCD2345', name: 'Nok', participantId: 'p' }, false],
  ])('joinSchema: %s → %s', (_n, input, ok) => {
    expect(joinSchema.safeParse(input).success).toBe(ok);
  });

  it('joinSchema defaults the role to delegate', () => {
    expect(joinSchema.parse({ code: 'ABCD2345', name: 'Nok' }).role).toBe('delegate');
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['token only', { token: 'x'.repeat(16) }, true],
    ['with since', { token: 'x'.repeat(16), since: 5 }, true],
    ['short token', { token: 'x'.repeat(15) }, false],
    ['negative since', { token: 'x'.repeat(16), since: -1 }, false],
    ['fractional since', { token: 'x'.repeat(16), since: 1.5 }, false],
  ])('handshakeSchema: %s → %s', (_n, input, ok) => {
    expect(handshakeSchema.safeParse(input).success).toBe(ok);
  });
});

describe('eventSchemas accept every event decide produces', () => {
  const fac = as(P.facilitator);
  const s = standardWorkshop('setup');
  const commands: [string, Command][] = [
    [P.facilitator, cmd({ type: 'workshop:update', title: 'T', purpose: 'P', language: 'th' })],
    [P.facilitator, cmd({ type: 'theme:add', theme: { id: 'th9', name: 'W' } })],
    [P.facilitator, cmd({ type: 'theme:rename', themeId: 'th1', name: 'R' })],
    [P.facilitator, cmd({ type: 'theme:remove', themeId: 'th2' })],
    [P.facilitator, cmd({ type: 'table:add', table: { id: 't9', name: 'T', themeId: null, question: 'Q', capacity: 2 } })],
    [P.facilitator, cmd({ type: 'table:update', tableId: 't3', themeId: null, capacity: 9, question: 'Q2', name: 'N' })],
    [P.facilitator, cmd({ type: 'table:remove', tableId: 't9' })],
    [P.facilitator, cmd({ type: 'delegation:add', delegation: { id: 'ph', name: 'PH', code: 'PH' } })],
    [P.facilitator, cmd({ type: 'delegation:remove', delegationId: 'vn' })],
    [P.facilitator, cmd({ type: 'participant:set-role', participantId: P.d3, role: 'observer' })],
    [P.facilitator, cmd({ type: 'seat:assign', participantId: P.d3, tableId: 't2' })],
    [P.d1, cmd({ type: 'note:create', noteId: 'n9', tableId: 't1', text: 'กี่ 👍🏽', color: 'pink', x: 1, y: 2 })],
    [P.d1, cmd({ type: 'note:edit', noteId: 'n9', text: 'edited' })],
    [P.d1, cmd({ type: 'note:move', noteId: 'n9', x: 3, y: 4 })],
    [P.d1, cmd({ type: 'note:recolor', noteId: 'n9', color: 'blue' })],
    [P.d1, cmd({ type: 'note:delete', noteId: N.d1 })],
    [P.facilitator, cmd({ type: 'workshop:set-phase', phase: 'cafe' })],
  ];
  const produced: DomainEvent[] = [];
  let state = s;
  for (const [who, c] of commands) {
    const d = decide(state, c, as(who), { now: LATER });
    if (!d.ok) throw new Error(`${c.type}: ${d.error.code}`);
    produced.push(...d.events);
    state = run(state, c, as(who), LATER);
  }
  void fac;

  it.each(produced.map((e) => [e.type, e] as const))('%s parses and round-trips through JSON', (type, e) => {
    const wire = JSON.parse(JSON.stringify(e)) as unknown;
    const parsed = eventSchemas[type].safeParse(wire);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(e);
  });
});

describe('text hygiene at the edge', () => {
  it.each<[string, string, boolean]>([
    ['a note of zero-width spaces is blank', '\u200B\u200B', false],
    ['a note of joiners and a BOM is blank', '\u200D\u200C\uFEFF', false],
    ['a note of direction marks and spaces is blank', ' \u200E \u200F ', false],
    ['a visible character among them is a note', '\u200Bx', true],
    ['one Thai character is a note', 'ก', true],
  ])('%s', (_n, text, ok) => {
    expect(parseNote({ text }).success).toBe(ok);
  });

  it.each<[string, string, string | null]>([
    ['override removed from a name', 'Mr.\u202E Smith', 'Mr. Smith'],
    ['isolates removed from a name', '\u2067Somchai\u2069', 'Somchai'],
    ['a name of only overrides is blank', '\u202E\u202D', null],
    ['Arabic name kept', 'سمير', 'سمير'],
  ])('names: %s', (_n, input, expected) => {
    const r = nameSchema.safeParse(input);
    expect(r.success ? r.data : null).toBe(expected);
  });

  it('an override in a note is closed at the end of its line', () => {
    expect(noteText('see \u202Etxt.exe\nnext line')).toBe('see \u202Etxt.exe\u202C\nnext line');
  });

  it('8,000 combining marks on one letter are capped, so the note is short and one character', () => {
    const text = noteText('x' + '\u0301'.repeat(7990));
    expect(text).toBeDefined();
    expect(charCount(text!)).toBe(1);
    expect(text!.length).toBeLessThanOrEqual(11);
  });

  it.each<[string, unknown, boolean]>([
    ['join with a 22-character join id', { code: 'ABCDEFGH', name: 'A', joinId: 'V1StGXR8_Z5jdHi6B-myTx' }, true],
    ['join id of one repeated character (not random)', { code: 'ABCDEFGH', name: 'A', joinId: 'a'.repeat(22) }, false],
    ['join with a UUID join id', { code: 'ABCDEFGH', name: 'A', joinId: '123e4567-e89b-12d3-a456-426614174000' }, true],
    ['join id too short', { code: 'ABCDEFGH', name: 'A', joinId: 'a'.repeat(21) }, false],
    ['join id with other characters', { code: 'ABCDEFGH', name: 'A', joinId: 'a'.repeat(22) + '!' }, false],
    ['invite with a lifetime in days', { delegationId: 'th', expiresInDays: 7 }, true],
    ['invite with an end time', { delegationId: 'th', expiresAt: Date.now() + 1000 }, true],
    ['invite with both', { delegationId: 'th', expiresInDays: 7, expiresAt: Date.now() + 1000 }, false],
    ['invite beyond a year', { delegationId: 'th', expiresInDays: 366 }, false],
    ['invite with an unknown key', { delegationId: 'th', forever: true }, false],
  ])('%s', (name, body, ok) => {
    const schema = name.startsWith('join') ? joinSchema : issueInviteSchema;
    expect(schema.safeParse(body).success).toBe(ok);
  });
});
