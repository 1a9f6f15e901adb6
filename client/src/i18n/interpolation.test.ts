import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { INTERPOLATION, isolateValue } from './interpolation';

describe('isolateValue', () => {
  it.each([
    ['Somchai (TH)', 'Somchai (TH)'],
    ['สมชาย', 'สมชาย'],
    ['ស្រីមុំ', 'ស្រីមុំ'],
    ['7 Dec 2026', '7 Dec 2026'],
    ['سمير (EG)', '\u2068سمير (EG)\u2069'],
    ['דנה', '\u2068דנה\u2069'],
    ['\u202Eevil', '\u2068\u202Eevil\u2069'],
    ['name\u200F', '\u2068name\u200F\u2069'],
    ['42', '42'],
    ['3 / 5', '3 / 5'],
    ['', ''],
    ['\u2068Already\u2069', '\u2068Already\u2069'],
  ])('%j → %j', (input, expected) => {
    expect(isolateValue(input)).toBe(expected);
  });
});

describe('translated sentences', () => {
  it('isolate a name that could reorder them, once; leave others, counts and HTML as typed', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: en } },
      interpolation: INTERPOLATION,
    });
    expect(i18n.t('console.tableFull', { table: 'Table 1' })).toBe('Table 1 (full)');
    expect(i18n.t('console.tableFull', { table: 'طاولة 1' })).toBe('\u2068طاولة 1\u2069 (full)');
    expect(i18n.t('console.tableFull', { table: 'A<b>&"\u202E' })).toBe('\u2068A<b>&"\u202E\u2069 (full)');
    expect(i18n.t('board.counter', { n: 3, max: 500 })).toBe('3 / 500');
  });
});
