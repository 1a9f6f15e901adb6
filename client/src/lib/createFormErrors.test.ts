import { describe, expect, it } from 'vitest';
import type { CreateWorkshopInput } from '@world-cafe/shared';
import { createFormProblems, fieldOfIssue, schemaProblem, type CreateFormValues, type FieldProblem } from './createFormErrors';

const ok: CreateFormValues = {
  title: 'ACCSM',
  facilitatorName: 'Ana',
  themes: [
    { id: 'a', name: 'Inclusive' },
    { id: 'b', name: 'Resilient' },
  ],
  tables: [
    { id: 't1', name: 'Table 1', capacity: 8 },
    { id: 't2', name: 'Table 2', capacity: 8 },
  ],
};

describe('createFormProblems', () => {
  it.each<[string, Partial<CreateFormValues>, FieldProblem[]]>([
    ['a complete form', {}, []],
    ['no title (spaces only)', { title: '  ' }, [{ field: 'title', key: 'create.needTitle' }]],
    ['no facilitator name', { facilitatorName: '' }, [{ field: 'facilitatorName', key: 'create.needName' }]],
    [
      'the second theme unnamed',
      { themes: [ok.themes[0]!, { id: 'b', name: ' ' }] },
      [{ field: 'theme:b', key: 'create.needThemeName', values: { n: 2 } }],
    ],
    [
      'a table unnamed and one with too many seats',
      {
        tables: [
          { id: 't1', name: '', capacity: 8 },
          { id: 't2', name: 'T2', capacity: 99 },
        ],
      },
      [
        { field: 'table:t1:name', key: 'create.needTableName', values: { n: 1 } },
        { field: 'table:t2:capacity', key: 'create.badTableCapacity', values: { n: 2, max: 30 } },
      ],
    ],
    [
      'seats left empty (NaN) and zero',
      {
        tables: [
          { id: 't1', name: 'T1', capacity: Number.NaN },
          { id: 't2', name: 'T2', capacity: 0 },
        ],
      },
      [
        { field: 'table:t1:capacity', key: 'create.badTableCapacity', values: { n: 1, max: 30 } },
        { field: 'table:t2:capacity', key: 'create.badTableCapacity', values: { n: 2, max: 30 } },
      ],
    ],
    [
      'everything missing, in the order of the form',
      { title: '', facilitatorName: '', themes: [{ id: 'x', name: '' }], tables: [{ id: 'y', name: '', capacity: 8 }] },
      [
        { field: 'title', key: 'create.needTitle' },
        { field: 'facilitatorName', key: 'create.needName' },
        { field: 'theme:x', key: 'create.needThemeName', values: { n: 1 } },
        { field: 'table:y:name', key: 'create.needTableName', values: { n: 1 } },
      ],
    ],
  ])('%s', (_, patch, expected) => {
    expect(createFormProblems({ ...ok, ...patch }, 30)).toEqual(expected);
  });
});

describe('fieldOfIssue', () => {
  const input: CreateWorkshopInput = {
    title: 'x',
    facilitatorName: 'y',
    themes: [{ id: 'a', name: 'A' }],
    tables: [{ id: 't1', name: 'T', themeId: null, question: '', capacity: 8 }],
    delegations: [],
  };
  it.each<[ReadonlyArray<PropertyKey>, string]>([
    [['title'], 'title'],
    [['purpose'], 'purpose'],
    [['facilitatorName'], 'facilitatorName'],
    [['themes', 0, 'name'], 'theme:a'],
    [['tables', 0, 'capacity'], 'table:t1:capacity'],
    [['tables', 0, 'question'], 'table:t1:question'],
    [['tables', 0, 'themeId'], 'table:t1:name'],
    [['tables', 5, 'name'], 'form'],
    [['delegations', 0, 'code'], 'form'],
    [[], 'form'],
  ])('%j → %s', (path, field) => {
    expect(fieldOfIssue(input, path)).toBe(field);
    // a field's problem says "this field"; one about the whole form says so
    expect(schemaProblem(input, path)).toEqual({ field, key: field === 'form' ? 'create.formInvalid' : 'create.fieldInvalid' });
  });
});
