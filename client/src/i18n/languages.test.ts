import { describe, expect, it } from 'vitest';
import { LANGUAGES, intlLocale, matchLanguage } from './languages';

describe('matchLanguage', () => {
  it.each([
    [['km-KH', 'en-US'], 'km'],
    [['fr-FR', 'my'], 'my'],
    [['tl-PH'], 'fil'],
    [['fil-PH'], 'fil'],
    [['in-ID'], 'id'],
    [['ms_MY'], 'ms'],
    [['LO-la'], 'lo'],
    [['vi'], 'vi'],
    [['th-TH', 'en'], 'th'],
    [['de-DE', 'fr'], null],
    [[], null],
  ] as const)('%j → %s', (preferred, want) => {
    expect(matchLanguage(preferred)).toBe(want);
  });
});

describe('the languages', () => {
  it('are the nine of the workshop, each with an Intl locale the runtime knows', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my']);
    for (const l of LANGUAGES) expect(Intl.NumberFormat.supportedLocalesOf([l.locale]), l.code).toEqual([l.locale]);
    expect(intlLocale('xx')).toBe('en-GB');
  });
});
