import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_MARKS_PER_GRAPHEME, balanceBidi, charCount, cleanText, isBlank, stripBidiControls } from './text';

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
        // eslint-disable-next-line no-control-regex -- the test is that control characters are gone
        expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        expect(once).toBe(once.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns ASCII with only its controls other than tab and newline removed (plain ASCII as it is)', () => {
    const ascii = fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: ascii, maxLength: 60 }), (s) => {
        // eslint-disable-next-line no-control-regex -- the expected result is the text minus those controls
        expect(cleanText(s)).toBe(s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

const ZALGO = 'a' + '\u0301'.repeat(8000);

describe('text hygiene', () => {
  it.each<[string, string, boolean]>([
    ['empty', '', true],
    ['spaces and newlines', ' \n\t ', true],
    ['zero-width space', '\u200B', true],
    ['zero-width joiners and non-joiners', '\u200C\u200D\u200C', true],
    ['word joiner and BOM', '\u2060\uFEFF', true],
    ['direction marks and overrides', '\u200E\u200F\u202E\u2066', true],
    ['soft hyphen', '\u00AD', true],
    ['ideographic space', '\u3000', true],
    ['a letter among zero-widths', '\u200Bx\u200B', false],
    ['Thai', 'กี่', false],
    ['an emoji', '👍', false],
    ['a lone combining mark is visible', '\u0301', false],
  ])('isBlank: %s → %s', (_n, text, blank) => {
    expect(isBlank(text)).toBe(blank);
  });

  it.each<[string, string, string]>([
    ['plain name unchanged', 'Ms. Somchai', 'Ms. Somchai'],
    ['RLO override removed', 'evil\u202Egnp.exe', 'evilgnp.exe'],
    ['LRE/RLE/PDF removed', '\u202Aa\u202Bb\u202C', 'ab'],
    ['isolates removed', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['direction marks kept', 'abc\u200F', 'abc\u200F'],
    ['Arabic kept', 'مرحبا', 'مرحبا'],
  ])('stripBidiControls: %s', (_n, input, expected) => {
    expect(stripBidiControls(input)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['no controls: unchanged', 'hello', 'hello'],
    ['unclosed RLO closed at line end', 'a\u202Eb', 'a\u202Eb\u202C'],
    ['closed per line', 'a\u202Eb\nc', 'a\u202Eb\u202C\nc'],
    ['unclosed isolate closed', 'x\u2067y', 'x\u2067y\u2069'],
    ['balanced text unchanged', 'a\u202Bb\u202Cc\u2066d\u2069', 'a\u202Bb\u202Cc\u2066d\u2069'],
    ['stray PDF dropped', 'a\u202Cb', 'ab'],
    ['stray PDI dropped', 'a\u2069b', 'ab'],
    ['PDF cannot close across an open isolate', '\u202Ea\u2066b\u202Cc', '\u202Ea\u2066bc\u2069\u202C'],
    ['PDI closes the embeddings inside its isolate', '\u2066\u202Ea\u2069b', '\u2066\u202Ea\u202C\u2069b'],
    ['nested closed innermost first', '\u202E\u2067a', '\u202E\u2067a\u2069\u202C'],
  ])('balanceBidi: %s', (_n, input, expected) => {
    expect(balanceBidi(input)).toBe(expected);
  });

  it.each<[string, string, string]>([
    // NFC composes a + the first acute into á; the cap then keeps 10 more marks
    ['8,000 combining marks on one letter are capped', ZALGO, '\u00E1' + '\u0301'.repeat(MAX_MARKS_PER_GRAPHEME)],
    ['Thai tone marks untouched', 'กี่ น้ำ', 'กี่ น้ำ'],
    ['Vietnamese stacked marks untouched (NFC)', 'e\u0302\u0301', '\u1EBF'],
    ['exactly the cap is kept', 'q' + '\u0308'.repeat(MAX_MARKS_PER_GRAPHEME), 'q' + '\u0308'.repeat(MAX_MARKS_PER_GRAPHEME)],
    ['unclosed override balanced', 'x\u202Ey', 'x\u202Ey\u202C'],
  ])('cleanText hygiene: %s', (_n, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('a capped Zalgo note counts one character and stays short', () => {
    const cleaned = cleanText(ZALGO);
    expect(charCount(cleaned)).toBe(1);
    expect(cleaned.length).toBe(1 + MAX_MARKS_PER_GRAPHEME);
    expect(cleaned).toBe(cleaned.normalize('NFC'));
  });

  it('balanced output never leaves an embedding or isolate open on any line', () => {
    const bidi = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', 'a', '\n');
    fc.assert(
      fc.property(fc.string({ unit: bidi, maxLength: 30 }), (s) => {
        const out = balanceBidi(s);
        expect(balanceBidi(out)).toBe(out);
        for (const line of out.split('\n')) {
          let depth = 0;
          for (const ch of line) {
            if ('\u202A\u202B\u202D\u202E\u2066\u2067\u2068'.includes(ch)) depth++;
            else if (ch === '\u202C' || ch === '\u2069') depth--;
            expect(depth).toBeGreaterThanOrEqual(0);
          }
          expect(depth).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
