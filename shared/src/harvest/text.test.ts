// Normalisation, segmentation and stop words per language (the English/Thai basics are in
// similarity.test.ts).
import { describe, expect, it } from 'vitest';
import { normalise, STOP_WORDS, syllableStartsAt, tokenize, words } from './text';
import { LEXICONS } from './lexicon';

describe('normalise: every script', () => {
  it.each<[string, string, string]>([
    ['vi: tone marks and đ folded', 'Đào tạo trực tuyến', 'dao tao truc tuyen'],
    ['vi: typed without marks is the same', 'dao tao truc tuyen', 'dao tao truc tuyen'],
    ['vi: decomposed input (NFD) folded too', 'Vie\u0323\u0302t Nam', 'viet nam'],
    ['id/ms/fil: unchanged apart from case and punctuation', 'Pagkakapantay-pantay ng kasarian!', 'pagkakapantay pantay ng kasarian'],
    ['km: subscript ḍa written as subscript ta', 'វគ្គបណ្ដុះបណ្ដាល', 'វគ្គបណ្តុះបណ្តាល'],
    ['km/lo/my/th digits to ASCII', '២០២៧ ໒໐໒໗ ၂၀၂၇ ๒๕๗๐', '2027 2027 2027 2570'],
    ['lo repetition mark dropped', 'ຂອບໃຈຫຼາຍໆ', 'ຂອບໃຈຫຼາຍ'],
    ['space between Khmer and Latin', 'ការវាយតម្លៃតាមKPI', 'ការវាយតម្លៃតាម kpi'],
    ['space between Burmese and Latin', 'KPIညွှန်းကိန်း', 'kpi ညွှန်းကိန်း'],
    ['Burmese punctuation to a space', 'ရာသီဥတု။ ပတ်ဝန်းကျင်၊', 'ရာသီဥတု ပတ်ဝန်းကျင်'],
    ['Thai and Lao marks kept (not folded)', 'ผู้สูงอายุ ຜູ້ສູງອາຍຸ', 'ผู้สูงอายุ ຜູ້ສູງອາຍຸ'],
  ])('%s', (_name, input, expected) => {
    expect(normalise(input)).toBe(expected);
  });
});

describe('words: Intl.Segmenter splits the scripts without spaces into words', () => {
  it.each<[string, string, string[]]>([
    ['th', 'จัดอบรมข้าราชการ', ['จัด', 'อบรม', 'ข้าราชการ']],
    ['km', 'វគ្គបណ្តុះបណ្តាលសម្រាប់មន្ត្រីរាជការ', ['វគ្គ', 'បណ្តុះបណ្តាល', 'សម្រាប់', 'មន្ត្រី', 'រាជការ']],
    ['lo', 'ຫຼັກສູດຝຶກອົບຮົມສຳລັບພະນັກງານລັດ', ['ຫຼັກສູດ', 'ຝຶກ', 'ອົບຮົມ', 'ສຳລັບ', 'ພະນັກງານ', 'ລັດ']],
    ['my', 'ဝန်ထမ်းများအတွက်သင်တန်း', ['ဝန်ထမ်း', 'များ', 'အတွက်', 'သင်တန်း']],
    ['vi (syllables between spaces)', 'Đào tạo cán bộ', ['dao', 'tao', 'can', 'bo']],
    ['mixed Khmer + English acronym', 'មន្ត្រីតាម KPI', ['មន្ត្រី', 'តាម', 'kpi']],
  ])('%s', (_lang, input, expected) => {
    expect(words(input)).toEqual(expected);
  });
});

describe('tokenize: stop words of each language removed', () => {
  it.each<[string, string, string[]]>([
    ['vi (của, cho, các)', 'Đào tạo cho các công chức của bộ', ['dao', 'tao', 'cong', 'chuc', 'bo']],
    ['vi: "tai" of thiên tai kept', 'Thiên tai', ['thien', 'tai']],
    // Malay, Indonesian and Filipino notes (told by their function words) are cut by their own
    // affix strippers (lang/affixes.ts), not the English one
    ['id (untuk, di, dan)', 'Pelatihan untuk ASN di daerah dan kota', ['latih', 'asn', 'daerah', 'kota']],
    ['ms (dalam, untuk)', 'Kursus dalam talian untuk penjawat awam', ['kursus', 'tali', 'jawat', 'awam']],
    // hinaing → haing: without a dictionary the root word looks like h-in-aing; every form is cut alike
    ['fil (ang, ng, sa, mga, para)', 'Pakinggan ang hinaing ng mga tao para sa gobyerno', ['kinggan', 'haing', 'tao', 'gobyerno']],
    ['en (the English stripper when no other language is told)', 'Training the trainers', ['train', 'trainer']],
    ['km (សម្រាប់, និង)', 'ស្ត្រី និង យុវជន សម្រាប់ ក្រសួង', ['ស្ត្រី', 'យុវជន', 'ក្រសួង']],
    ['lo (ແລະ, ສຳລັບ)', 'ແມ່ຍິງ ແລະ ຊາວໜຸ່ມ ສຳລັບ ກະຊວງ', ['ແມ່ຍິງ', 'ຊາວໜຸ່ມ', 'ກະຊວງ']],
    ['my (များ, အတွက်)', 'ဝန်ထမ်းများအတွက်သင်တန်း', ['ဝန်ထမ်း', 'သင်တန်း']],
  ])('%s', (_name, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('every language has stop words, all of them in the shared set', () => {
    for (const l of LEXICONS) {
      const list = l.stopWords.split(/\s+/).filter(Boolean);
      expect(list.length, l.lang).toBeGreaterThan(10);
      for (const w of list.map(normalise).filter(Boolean)) expect(STOP_WORDS.has(w), `${l.lang}: ${w}`).toBe(true);
    }
  });

  it('no stop word is also a one-word concept term in another language (it would hide the topic)', () => {
    for (const l of LEXICONS) {
      for (const [concept, terms] of Object.entries(l.terms)) {
        for (const t of terms ?? []) {
          const n = normalise(t);
          if (!n.includes(' ')) expect(STOP_WORDS.has(n), `${l.lang} ${concept}: ${t}`).toBe(false);
        }
      }
    }
  });
});

describe('syllableStartsAt: where a syllable surely starts, by the script’s rules', () => {
  it.each<[string, string, number, boolean]>([
    ['Thai, before a leading vowel', 'คนใช้คอม', 2, true],
    ['Thai, before a consonant (it may be a final)', 'คนใช้คอม', 1, false],
    ['Lao, before a leading vowel', 'ພະນັກງານເຮັດວຽກ', 8, true],
    ['Khmer, before a consonant not stacked', 'បណ្តឹងរបស់', 6, true],
    ['Khmer, a stacked consonant (after coeng)', 'បណ្តឹង', 3, false],
    ['Burmese, before a consonant', 'ငလျင်လှုပ်', 5, true],
    ['Burmese, a final consonant (asat after it)', 'ငလျင်', 3, false],
    ['the start of the text is a word boundary, not this', 'คน', 0, false],
  ])('%s', (_name, text, p, expected) => {
    expect(syllableStartsAt(normalise(text), p)).toBe(expected);
  });
});
