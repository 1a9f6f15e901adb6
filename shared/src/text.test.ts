import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { charCount, cleanText } from './text';

describe('charCount counts user-perceived characters (grapheme clusters)', () => {
  it.each<[string, string, number]>([
    ['empty', '', 0],
    ['ASCII', 'hello', 5],
    ['Thai consonant + vowel + tone mark', 'กี่', 1],
    ['Thai with sara am (spacing mark)', 'น้ำ', 1],
    ['Thai greeting', 'สวัสดี', 4],
    ['Thai leading vowel is its own cluster', 'เกี่ยว', 4],
    ['Thai without combining marks', 'ภาษาไทย', 7],
    ['repeated Thai cluster', 'กี่'.repeat(10), 10],
    ['decomposed Latin (e + combining acute)', 'e\u0301', 1],
    ['stacked combining marks', 'a\u0308\u0301', 1],
    ['Hangul jamo sequence', '\u1100\u1161', 1],
    ['CR LF', '\r\n', 1],
    ['emoji with skin tone', '👍🏽', 1],
    ['ZWJ family', '👨‍👩‍👧‍👦', 1],
    ['ZWJ with skin tone', '👩🏽‍💻', 1],
    ['ZWJ kiss', '👩‍❤️‍💋‍👨', 1],
    ['rainbow flag (VS16 + ZWJ)', '🏳️‍🌈', 1],
    ['keycap', '1️⃣', 1],
    ['one flag', '🇹🇭', 1],
    ['two flags', '🇹🇭🇯🇵', 2],
    ['odd regional indicator count', '🇹🇭🇯', 2],
    ['Arabic (RTL)', 'مرحبا', 5],
    ['Arabic with a space', 'السلام عليكم', 12],
    ['Hebrew (RTL)', 'שלום', 4],
    ['mixed', 'Hi กี่ 👨‍👩‍👧‍👦🇹🇭!', 8],
  ])('%s: %j → %i', (_n, text, expected) => {
    expect(charCount(text)).toBe(expected);
  });

  it('never exceeds the UTF-16 length, and is positive for non-empty text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const n = charCount(s);
        expect(n).toBeLessThanOrEqual(s.length);
        expect(n > 0).toBe(s.length > 0);
      }),
    );
  });
});

/** Characters that exercise both normalisation and control stripping. */
const tricky = fc.oneof(
  fc.constantFrom('a', 'e', '\u0301', '\u0308', '\u00e9', 'ก', '\u0e35', '\u0e48', '\u1100', '\u1161', '\uac00'),
  fc.constantFrom('\u0000', '\t', '\n', '\u000b', '\r', '\u001b', '\u007f', '\u0085', '\u200d', '👍', '🏽'),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
);

describe('cleanText', () => {
  it.each<[string, string, string]>([
    ['plain text unchanged', 'hello world', 'hello world'],
    ['NFC: e + combining acute → é', 'caf\u0065\u0301', 'caf\u00e9'],
    ['NFC: Hangul jamo → syllable', '\u1100\u1161', '\uac00'],
    ['Thai unchanged', 'กี่ น้ำ', 'กี่ น้ำ'],
    ['keeps tab and newline', 'a\tb\nc', 'a\tb\nc'],
    ['strips CR (CRLF → LF)', 'a\r\nb', 'a\nb'],
    ['strips NUL, BEL, ESC, US, DEL', 'a\u0000b\u0007c\u001bd\u001fe\u007f', 'abcde'],
    ['strips vertical tab and form feed', 'a\u000bb\u000cc', 'abc'],
    ['only controls → empty', '\u0000\u0001\u0002', ''],
    // A control between a base and its combining mark blocks composition; once stripped the
    // result must still be NFC (strip first, then normalise).
    ['control between base and combining mark → composed', 'e\u0000\u0301', '\u00e9'],
    ['DEL between Hangul jamo → composed syllable', '\u1100\u007f\u1161', '\uac00'],
    ['keeps ZWJ in emoji', '👨‍👩‍👧‍👦', '👨‍👩‍👧‍👦'],
    ['keeps RTL Arabic', 'مرحبا', 'مرحبا'],
  ])('%s', (_n, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('is idempotent and leaves no C0 control but tab/newline', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 40 }), (s) => {
        const once = cleanText(s);
        expect(cleanText(once)).toBe(once);
        expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        expect(once).toBe(once.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });
});
