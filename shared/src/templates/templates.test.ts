import { describe, expect, it } from 'vitest';
import { emptyState, type WorkshopState } from '../cafe/model';
import { createWorkshopSchema } from '../cafe/protocol';
import { decide } from '../cafe/decide';
import { reduce } from '../cafe/reduce';
import { BUILTIN_TEMPLATES, builtinTemplate } from './builtins';
import {
  TEMPLATE_FORMAT,
  TEMPLATE_LIMITS,
  type TemplateSetup,
  createTemplateSchema,
  renameTemplateSchema,
  templateSetupSchema,
} from './schemas';
import {
  createInputFromSetup,
  formFromSettings,
  settingsFromForm,
  parseTemplateFile,
  questionModeFor,
  setupCounts,
  setupOfWorkshop,
  templateFile,
  templateFileName,
  utf8Bytes,
} from './setup';

/** A workshop created from `setup` through the real create command (decide + reduce), as the server does. */
function created(setup: TemplateSetup): WorkshopState {
  const input = createWorkshopSchema.parse(createInputFromSetup(setup, { title: 'From a template', facilitatorName: 'Maria' }));
  const d = decide(
    emptyState(),
    { type: 'workshop:create', workshopId: 'w1', joinCode: 'ABCDEFGH', facilitatorId: 'f1', input },
    { kind: 'system' },
    { now: 1000 },
  );
  if (!d.ok) throw new Error(d.error.message);
  return d.events.reduce(reduce, emptyState());
}

const accsm = builtinTemplate('builtin-accsm')!.setup;

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))(
    '%s is a valid setup that survives a round trip through a workshop',
    (_k, t) => {
      expect(templateSetupSchema.parse(t.setup)).toEqual(t.setup);
      expect(setupOfWorkshop(created(t.setup))).toEqual(t.setup);
    },
  );

  it('the ACCSM café: eleven delegations, the five ASCC characteristics as themes and tables, questions per round', () => {
    expect(setupCounts(accsm)).toEqual({ themes: 5, tables: 5, delegations: 11, rounds: 3 });
    expect(accsm.tables.map((t) => t.themeId)).toEqual(accsm.themes.map((t) => t.id));
    expect(accsm.themes.map((t) => t.name)).toEqual([
      'Engages and Benefits the People',
      'Inclusive',
      'Sustainable',
      'Resilient',
      'Dynamic',
    ]);
    expect(accsm.delegations.map((d) => d.code)).toContain('ASEC');
    expect(accsm.cafe.roundQuestions).toHaveLength(3);
    expect(accsm.cafe.questionMode).toBe('both');
    for (const t of accsm.tables) expect(t.question.length).toBeGreaterThan(20);
  });

  it('a workshop created from a template starts with its rounds and harvest settings', () => {
    const short = builtinTemplate('builtin-short')!.setup;
    const s = created(short);
    expect(s.cafe).toMatchObject({ rounds: 2, roundSeconds: 900, autoRotate: true, questionMode: 'round' });
    expect(s.cafe.clock.remainingMs).toBe(900_000);
    expect(s.harvest.grouping).toBe('everyone');
  });
});

describe('setupOfWorkshop', () => {
  it('keeps the setup only: no people, notes, seats, clusters or reviews; keeps the facilitator order', () => {
    let s = created(accsm);
    s = {
      ...s,
      themeOrder: [...s.themeOrder].reverse(),
      tableOrder: [...s.tableOrder].reverse(),
      participants: { ...s.participants, d1: { id: 'd1', name: 'Somchai', role: 'delegate', delegationId: 'th', joinedAt: 2 } },
      notes: { n1: { id: 'n1' } as WorkshopState['notes'][string] },
      seats: { d1: 'ascc-people' },
      cafe: { ...s.cafe, roundQuestions: ['a', 'b', 'c', 'stale beyond the rounds'] },
    };
    const setup = setupOfWorkshop(s);
    expect(setup.themes.map((t) => t.id)).toEqual([...accsm.themes.map((t) => t.id)].reverse());
    expect(setup.tables.map((t) => t.id)).toEqual([...accsm.tables.map((t) => t.id)].reverse());
    expect(setup.cafe.roundQuestions).toEqual(['a', 'b', 'c']);
    expect(JSON.stringify(setup)).not.toMatch(/Somchai|Maria|n1|From a template/);
    expect(Object.keys(setup).sort()).toEqual(['cafe', 'delegations', 'harvest', 'language', 'purpose', 'tables', 'themes']);
  });
});

describe('questionModeFor', () => {
  it.each([
    { tables: [], rounds: [], mode: 'table' },
    { tables: [{ question: 'Q' }], rounds: [], mode: 'table' },
    { tables: [{ question: '' }], rounds: ['', '  '], mode: 'table' },
    { tables: [{ question: '' }], rounds: ['R1'], mode: 'round' },
    { tables: [{ question: 'Q' }], rounds: ['', 'R2'], mode: 'both' },
  ] as const)('$mode from tables $tables and rounds $rounds', ({ tables, rounds, mode }) => {
    expect(questionModeFor([...tables], [...rounds])).toBe(mode);
  });
});

describe('template setups that are refused, with the field named', () => {
  const bad = (patch: (s: TemplateSetup) => unknown) => patch(JSON.parse(JSON.stringify(accsm)) as TemplateSetup);
  it.each([
    { name: 'a table on an unknown theme', setup: bad((s) => ((s.tables[2]!.themeId = 'nope'), s)), path: 'tables.2.themeId' },
    { name: 'a duplicate id', setup: bad((s) => ((s.delegations[1]!.id = s.delegations[0]!.id), s)), path: 'delegations.1.id' },
    { name: 'more round questions than rounds', setup: bad((s) => ((s.cafe.rounds = 2), s)), path: 'cafe.roundQuestions' },
    { name: 'zero rounds', setup: bad((s) => ((s.cafe.rounds = 0), s)), path: 'cafe.rounds' },
    { name: 'a round of 5 seconds', setup: bad((s) => ((s.cafe.roundSeconds = 5), s)), path: 'cafe.roundSeconds' },
    { name: 'an unknown grouping', setup: bad((s) => ({ ...s, harvest: { grouping: 'anyone' } })), path: 'harvest.grouping' },
    { name: 'a person in the setup', setup: bad((s) => ({ ...s, participants: [] })), path: '' },
    { name: 'an empty table name', setup: bad((s) => ((s.tables[0]!.name = ' '), s)), path: 'tables.0.name' },
    { name: 'a table too big', setup: bad((s) => ((s.tables[0]!.capacity = 1000), s)), path: 'tables.0.capacity' },
  ])('$name', ({ setup, path }) => {
    const r = templateSetupSchema.safeParse(setup);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('a template name is required and capped', () => {
    expect(createTemplateSchema.safeParse({ name: '', setup: accsm }).success).toBe(false);
    expect(createTemplateSchema.safeParse({ name: 'x'.repeat(TEMPLATE_LIMITS.nameChars + 1), setup: accsm }).success).toBe(false);
    expect(createTemplateSchema.parse({ name: '  ACCSM 2027 ', setup: accsm })).toMatchObject({ name: 'ACCSM 2027', description: '' });
  });
});

describe('template files', () => {
  const file = templateFile({ name: 'ACCSM café', description: 'Our yearly café', setup: accsm });

  it('export then import gives the same template', () => {
    expect(file.format).toBe(TEMPLATE_FORMAT);
    expect(parseTemplateFile(JSON.stringify(file, null, 2))).toEqual({ ok: true, file });
  });

  it.each([
    { name: 'not JSON', text: '{"format": ', kind: 'not_json' },
    { name: 'another JSON file (a workshop export)', text: JSON.stringify({ workshop: { id: 'w' } }), kind: 'not_template' },
    { name: 'a JSON array', text: '[1,2]', kind: 'not_template' },
    { name: 'too large', text: JSON.stringify({ ...file, description: 'x'.repeat(TEMPLATE_LIMITS.fileBytes) }), kind: 'too_large' },
    { name: 'a newer version', text: JSON.stringify({ ...file, version: 2 }), kind: 'invalid', path: 'version' },
    {
      name: 'a table without a name',
      text: JSON.stringify({ ...file, setup: { ...file.setup, tables: [{ ...file.setup.tables[0], name: '' }] } }),
      kind: 'invalid',
      path: 'setup.tables.0.name',
    },
    { name: 'no name', text: JSON.stringify({ ...file, name: undefined }), kind: 'invalid', path: 'name' },
  ])('refuses $name', ({ text, kind, path }) => {
    const r = parseTemplateFile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.kind).toBe(kind);
    if (path) expect(r.problem.kind === 'invalid' && r.problem.fields.map((f) => f.path)).toContain(path);
  });

  it.each([
    ['ACCSM café 2027', 'ACCSM café 2027.template.json'],
    ['a/b:c*?', 'a-b-c-.template.json'],
    ['   ', 'template.template.json'],
  ])('file name of %j is %j', (name, out) => {
    expect(templateFileName(name)).toBe(out);
  });

  it.each([
    ['abc', 3],
    ['é', 2],
    ['ไทย', 9],
    ['😀', 4],
  ])('utf8Bytes(%j) = %i', (text, n) => {
    expect(utf8Bytes(text)).toBe(n);
  });
});

describe('rename', () => {
  it.each([
    [{ name: 'A' }, { name: 'A' }],
    [
      { name: 'A', description: '' },
      { name: 'A', description: '' },
    ],
    [
      { name: ' A ', description: ' d ' },
      { name: 'A', description: 'd' },
    ],
  ])('%j parses to %j (an absent description stays absent: unchanged)', (body, out) => {
    expect(renameTemplateSchema.parse(body)).toEqual(out);
  });
});

describe("the create form's rounds ⇄ settings", () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t.setup] as const))('%s survives form → settings', (_k, setup) => {
    expect(settingsFromForm(formFromSettings(setup), setup.tables)).toEqual({ cafe: setup.cafe, harvest: setup.harvest });
  });

  const form = { rounds: 3, minutes: 20, roundQuestions: [], autoRotate: false, everyoneGroups: false };
  it.each([
    {
      name: 'the defaults',
      patch: {},
      cafe: { rounds: 3, roundSeconds: 1200, questionMode: 'table', roundQuestions: [] },
      grouping: 'hosts',
    },
    { name: 'rounds clamped up', patch: { rounds: 0 }, cafe: { rounds: 1 } },
    { name: 'rounds clamped down', patch: { rounds: 99 }, cafe: { rounds: 12 } },
    { name: 'an emptied number field (NaN)', patch: { rounds: Number.NaN, minutes: Number.NaN }, cafe: { rounds: 1, roundSeconds: 10 } },
    { name: 'minutes to seconds, rounded', patch: { minutes: 1.5 }, cafe: { roundSeconds: 90 } },
    { name: 'at most four hours', patch: { minutes: 1000 }, cafe: { roundSeconds: 4 * 3600 } },
    {
      name: 'questions trimmed, cut to the rounds, trailing blanks dropped',
      patch: { rounds: 2, roundQuestions: [' A ', '', 'C'] },
      cafe: { roundQuestions: ['A'], questionMode: 'round' },
    },
    { name: 'everyone groups', patch: { everyoneGroups: true }, grouping: 'everyone' },
  ])('$name', ({ patch, cafe, grouping }) => {
    const out = settingsFromForm({ ...form, ...patch }, [{ question: '' }]);
    if (cafe) expect(out.cafe).toMatchObject(cafe);
    if (grouping) expect(out.harvest.grouping).toBe(grouping);
  });
});
