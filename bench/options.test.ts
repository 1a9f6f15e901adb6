import { describe, expect, it } from 'vitest';
import { loadOptions, loadShape } from './options';

const DEFAULTS = {
  delegates: ['300', '120'],
  tables: ['40', '16'],
  facilitators: ['10', '4'],
  rates: ['300,600', '300'],
} satisfies Parameters<typeof loadOptions>[1];

describe('loadShape: delegate i at table i % T', () => {
  it.each<[string, string, string, { capacity: number; sizes: number[]; recipients: number[] }]>([
    ['8', '4', '2', { capacity: 2, sizes: [2, 2, 2, 2], recipients: [3, 3, 3, 3] }],
    ['10', '4', '1', { capacity: 3, sizes: [3, 3, 2, 2], recipients: [3, 3, 2, 2] }],
    ['300', '40', '10', { capacity: 8, sizes: [8, 8, 8, 8], recipients: [17, 17, 17, 17] }],
  ])('%s delegates at %s tables + %s facilitators', (delegates, tables, facilitators, expected) => {
    const s = loadShape({ delegates, tables, facilitators });
    expect(s.capacity).toBe(expected.capacity);
    expect([0, 1, 2, 3].map(s.tableSize)).toEqual(expected.sizes);
    expect([0, 1, 2, 3].map(s.recipients)).toEqual(expected.recipients);
    // the sizes add up to the delegates
    expect(Array.from({ length: s.tables }, (_, t) => s.tableSize(t)).reduce((a, n) => a + n, 0)).toBe(s.delegates);
  });

  it.each<[string, string, string, RegExp]>([
    ['3', '4', '1', /at least --tables/],
    ['1000', '5', '1', /capacity limit/],
    ['2000', '40', '1', /--delegates must be an integer in \[2, 1900\]/],
    ['10', '2.5', '1', /--tables must be an integer/],
  ])('refuses %s delegates at %s tables', (delegates, tables, facilitators, error) => {
    expect(() => loadShape({ delegates, tables, facilitators })).toThrow(error);
  });
});

describe('loadOptions', () => {
  it.each<
    [
      string,
      Parameters<typeof loadOptions>[0],
      Partial<Record<'delegates' | 'seconds' | 'warmup' | 'timeoutMin', number>> & { rates: number[] },
    ]
  >([
    ['full defaults', {}, { delegates: 300, seconds: 10, warmup: 2, timeoutMin: 30, rates: [300, 600] }],
    ['--quick defaults', { quick: true }, { delegates: 120, seconds: 3, warmup: 1, rates: [300] }],
    [
      'flags win over --quick',
      { quick: true, delegates: '50', rates: '100,200', seconds: '5' },
      { delegates: 50, seconds: 5, warmup: 1, rates: [100, 200] },
    ],
    ['an empty rate list', { rates: '' }, { rates: [] }],
  ])('%s', (_, args, expected) => {
    const o = loadOptions(args, DEFAULTS);
    const { rates, delegates, ...rest } = expected;
    expect(o.rates).toEqual(rates);
    if (delegates !== undefined) expect(o.shape.delegates).toBe(delegates);
    expect(o).toMatchObject(rest);
  });
});
