import { describe, expect, it } from 'vitest';
import { choiceAfterToggle, resolveTheme } from './theme';

describe('resolveTheme', () => {
  it.each([
    [undefined, false, 'light'],
    [undefined, true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['nonsense', true, 'dark'],
    ['', false, 'light'],
  ] as const)('stored %j, system dark %s → %s', (stored, systemDark, shown) => {
    expect(resolveTheme(stored, systemDark)).toBe(shown);
  });
});

describe('choiceAfterToggle', () => {
  it.each([
    // following a light system: flipping to dark is remembered; flipping back forgets it
    ['light', false, 'dark'],
    ['dark', false, null],
    // following a dark system
    ['dark', true, 'light'],
    ['light', true, null],
  ] as const)('shown %s, system dark %s → remember %j', (shown, systemDark, remembered) => {
    expect(choiceAfterToggle(shown, systemDark)).toBe(remembered);
  });
});
