import { describe, expect, it, vi } from 'vitest';
import { conceptsOf } from '../concept-map';
import { normalise, tokenize } from '../text';
import { createDetector, zawgyiProbability, zawgyiToUnicode } from './zawgyi';

// Pairs typed in Zawgyi and in Unicode (the Zawgyi side written in its visual order: the
// vowel sign e and medial ra before the consonant, killed consonants with U+1039).
const PAIRS: Array<[name: string, zawgyi: string, unicode: string]> = [
  ['Myanmar', 'ျမန္မာ', 'မြန်မာ'],
  ['leadership', 'ေခါင္းေဆာင္မႈ', 'ခေါင်းဆောင်မှု'],
  ['training course', 'သင္တန္း', 'သင်တန်း'],
  ['civil servants training', 'ဝန္ထမ္းမ်ားအတြက္ သင္တန္း', 'ဝန်ထမ်းများအတွက် သင်တန်း'],
];

describe('Zawgyi Burmese is read as Unicode', () => {
  it.each(PAIRS)('%s: detected as Zawgyi and converted', (_name, zawgyi, unicode) => {
    expect(zawgyiProbability(zawgyi)).toBeGreaterThan(0.95);
    expect(zawgyiToUnicode(zawgyi)).toBe(unicode);
    expect(normalise(zawgyi)).toBe(normalise(unicode));
  });

  it.each(PAIRS)('%s: Unicode is left as it is', (_name, _zawgyi, unicode) => {
    expect(zawgyiProbability(unicode)).toBeLessThan(0.05);
    expect(zawgyiToUnicode(unicode)).toBe(unicode);
  });

  it.each<[string, string]>([
    ['English', 'Leadership training for ASEAN'],
    ['Thai', 'การพัฒนาภาวะผู้นำ'],
    ['Khmer', 'ការបណ្តុះបណ្តាល'],
    ['empty', ''],
  ])('%s (no Burmese) is untouched', (_name, text) => {
    expect(zawgyiProbability(text)).toBe(0);
    expect(zawgyiToUnicode(text)).toBe(text);
  });

  it('a Zawgyi note meets the concept map and segments like the Unicode one', () => {
    const [, zawgyi, unicode] = PAIRS[3]!;
    expect(tokenize(zawgyi)).toEqual(tokenize(unicode));
    expect(conceptsOf(zawgyi)).toEqual(conceptsOf(unicode));
    expect(conceptsOf(zawgyi)).toContain('training');
  });

  it('a mixed note (English + Zawgyi) is converted in its Burmese part only', () => {
    expect(zawgyiToUnicode('KPI ေခါင္းေဆာင္မႈ')).toBe('KPI ခေါင်းဆောင်မှု');
  });

  it('the detector also loads where there is no Node Buffer (the browser)', () => {
    vi.stubGlobal('Buffer', undefined);
    try {
      const d = createDetector();
      expect(d.getZawgyiProbability(PAIRS[0]![1])).toBeGreaterThan(0.95);
      expect(d.getZawgyiProbability(PAIRS[0]![2])).toBeLessThan(0.05);
      expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
