import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildIndex, charNgrams, features, normalise, similarity, similarityDetail, stem, tokenize, words } from './similarity';
import { LABELLED_NOTES } from './fixtures/labelled-notes';
import { CONCEPT_INFO, LEXICONS, type ConceptId } from './lexicon';

const THAI = /[\u0E00-\u0E7F]/;

describe('normalise', () => {
  it.each<[string, string, string]>([
    ['lower case', 'Digital GOVERNMENT', 'digital government'],
    ['Latin diacritics folded (e + combining acute)', 'cafe\u0301', 'cafe'],
    ['punctuation to spaces', 'Listen to citizens: feedback, now!!', 'listen to citizens feedback now'],
    ['emoji stripped', 'Longer coffee breaks please 😊👍🏽', 'longer coffee breaks please'],
    ['zero-width space inside Thai', 'ภาวะ\u200Bผู้นำ', 'ภาวะผู้นำ'],
    ['zero-width joiner and BOM', '\uFEFFดิจิ\u200Dทัล', 'ดิจิทัล'],
    ['Thai digits', 'ปี ๒๕๗๐', 'ปี 2570'],
    ['Thai repetition mark dropped', 'ดีๆ เร็วๆ', 'ดี เร็ว'],
    ['single-letter prefix joined', 'e-learning and e-Government', 'elearning and egovernment'],
    ['other hyphens split', 'one-stop, well-being, 3-6', 'one stop well being 3 6'],
    ['whitespace collapsed', '  a \n\t b  ', 'a b'],
    ['space between Thai and Latin/digit runs', 'ผ่านe-learning ทุก6เดือนKPI', 'ผ่าน elearning ทุก 6 เดือน kpi'],
  ])('%s', (_name, input, expected) => {
    expect(normalise(input)).toBe(expected);
  });
});

describe('stem (small English suffix stripper)', () => {
  it.each<[string, string]>([
    ['training', 'train'],
    ['trained', 'train'],
    ['trains', 'train'],
    ['train', 'train'],
    ['planning', 'plan'],
    ['services', 'servic'],
    ['service', 'servic'],
    ['policies', 'policy'],
    ['agencies', 'agency'],
    ['approaches', 'approach'],
    ['corruption', 'corrupt'],
    ['corrupt', 'corrupt'],
    ['participation', 'participat'],
    ['participate', 'participat'],
    ['innovation', 'innovat'],
    ['innovative', 'innovat'],
    ['development', 'develop'],
    ['developing', 'develop'],
    ['response', 'respons'],
    ['responsive', 'respons'],
    ['programme', 'program'],
    ['programmes', 'program'],
    ['program', 'program'],
    ['leaders', 'leader'],
    ['learned', 'learn'],
    ['kpis', 'kpis'], // -is is protected (analysis, basis); the concept map lists "kpis" itself
    // left alone: short words, -ss/-us/-is, words without a vowel before the suffix
    ['bus', 'bus'],
    ['class', 'class'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['sing', 'sing'],
    ['need', 'need'],
    ['staff', 'staff'],
    ['skills', 'skill'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('maps the inflections of a word to one stem', () => {
    for (const family of [
      ['course', 'courses'],
      ['train', 'trains', 'trained', 'training'],
      ['share', 'shared', 'sharing', 'shares'],
      ['policy', 'policies'],
      ['recruit', 'recruited', 'recruiting', 'recruits'],
    ]) {
      expect(new Set(family.map(stem)).size).toBe(1);
    }
  });
});

describe('words: Intl.Segmenter with the Thai locale', () => {
  it.each<[string, string, string[]]>([
    ['Thai compound', 'ผู้สูงอายุเข้าถึงบริการ', ['ผู้', 'สูง', 'อายุ', 'เข้า', 'ถึง', 'บริการ']],
    ['Thai phrase', 'สรรหาบุคลากร', ['สรรหา', 'บุคลากร']],
    ['English', 'Joint ASEAN drills', ['joint', 'asean', 'drills']],
    ['mixed, no spaces around Latin', 'พัฒนาศักยภาพผ่านe-learning', ['พัฒนา', 'ศักยภาพ', 'ผ่าน', 'elearning']],
  ])('%s', (_name, input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it('segments Thai into words, not characters', () => {
    for (const n of LABELLED_NOTES.filter((x) => x.lang === 'th')) {
      const ws = words(n.text).filter((w) => THAI.test(w));
      const chars = Array.from(n.text.replace(/\s/g, '')).length;
      expect(ws.length).toBeGreaterThan(0);
      expect(ws.length).toBeLessThan(chars / 2);
      expect(ws.some((w) => Array.from(w).length >= 3)).toBe(true);
    }
  });
});

describe('tokenize', () => {
  it.each<[string, string, string[]]>([
    ['English stop-words and stems', 'Training for the civil servants of ASEAN', ['train', 'civil', 'servant', 'asean']],
    [
      'Thai stop-words (และ ที่ ของ ใน การ ความ)',
      'ความโปร่งใสและการตรวจสอบของหน่วยงานในภาครัฐ',
      ['โปร่งใส', 'ตรวจ', 'สอบ', 'หน่วย', 'งาน', 'ภาค', 'รัฐ'],
    ],
    ['mixed Thai/English', 'ทำ one-stop service online ให้ประชาชน', ['one', 'stop', 'servic', 'onlin', 'ประชาชน']],
    [
      'numbers: one digit dropped, longer kept',
      'ประเมินผล performance แบบ 360 องศา ทุก 6 เดือน',
      ['ประเมิน', 'ผล', 'performanc', '360', 'องศา', 'เดือน'],
    ],
    ['emoji and punctuation only', '😊 !!! …', []],
    ['empty', '', []],
  ])('%s', (_name, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('never returns a stop-word or an empty token', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abc de ฝึกอบรม และการ the of ing s '.split('')) }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.length).toBeGreaterThan(0);
          expect(['the', 'of', 'และ', 'การ']).not.toContain(t);
        }
      }),
    );
  });
});

describe('charNgrams', () => {
  it.each<[string, string[]]>([
    ['abcd', ['abc', 'bcd']],
    ['ab', ['ab']],
    ['', []],
    ['Ab c!', ['abc']],
    ['aaaa', ['aaa']],
  ])('%j', (input, expected) => {
    expect(charNgrams(input)).toEqual(expected);
  });
});

describe('concepts', () => {
  const ids = (t: string) => features(t).concepts;
  it.each<[string, string, string[]]>([
    ['Thai word', 'แผนรับมือภัยพิบัติ', ['disaster']],
    ['English inflection', 'Flooded offices and pandemics', ['disaster']],
    ['English phrase with a stop-word', 'A new code of ethics', ['ethics']],
    ['Thai phrase spanning several segments', 'การพัฒนาศักยภาพ', ['capacity']],
    ['mixed', 'Gender mainstreaming ในนโยบาย', ['gender', 'policy']],
    ['e-learning', 'E-learning!', ['training']],
  ])('%s', (_name, text, expected) => {
    for (const c of expected) expect(ids(text)).toContain(c);
  });

  it.each<[string, string, string]>([
    ['Thai match must start and end on word boundaries (กรม in กรมธรรม์)', 'กรมธรรม์ประกันภัย', 'agencies'],
    ['รัฐ is not matched inside รัฐบาล', 'รัฐบาลดิจิทัล', 'agencies'],
    ['"generative" is not "new generation"', 'generative AI', 'youth'],
    ['"public" alone is not "public service"', 'public toilets', 'service'],
  ])('%s', (_name, text, absent) => {
    expect(ids(text)).not.toContain(absent);
  });

  it('map has ~40 concepts, unique ids, each with English and Thai terms and labels', () => {
    const ids = Object.keys(CONCEPT_INFO);
    expect(ids.length).toBeGreaterThanOrEqual(35);
    const byLang = new Map(LEXICONS.map((l) => [l.lang, l]));
    for (const id of ids as ConceptId[]) {
      expect(byLang.get('en')!.terms[id]!.length).toBeGreaterThan(0);
      expect(byLang.get('th')!.terms[id]!.length).toBeGreaterThan(0);
      for (const t of byLang.get('th')!.terms[id]!) expect(THAI.test(t)).toBe(true);
      expect(CONCEPT_INFO[id].label.en.length).toBeGreaterThan(0);
      expect(CONCEPT_INFO[id].label.th.length).toBeGreaterThan(0);
    }
  });
});

describe('similarity', () => {
  const ctx = buildIndex(LABELLED_NOTES);

  // [anchor, near-duplicate, related, unrelated]
  it.each<[string, string, string, string, string]>([
    [
      'English',
      'Civil servant exchange programme among ASEAN member states',
      'Civil servant exchange program among ASEAN member states.',
      'Staff exchange with neighbouring countries',
      'Longer coffee breaks please',
    ],
    ['Thai', 'บริการสาธารณะสำหรับผู้สูงอายุ', 'บริการสาธารณะสําหรับผู้สูงอายุ ๆ', 'ผู้สูงอายุใช้แอปของรัฐไม่เป็น', 'ลดการใช้กระดาษในสำนักงาน'],
    [
      'mixed',
      'พัฒนาศักยภาพข้าราชการผ่าน e-learning platform',
      'พัฒนาศักยภาพข้าราชการ ผ่าน e-learning platforms!',
      'Regional e-learning courses for civil servants',
      'แผนรับมือภัยพิบัติของหน่วยงานรัฐ',
    ],
    [
      'cross-language',
      'Joint ASEAN disaster response drills',
      'joint asean disaster-response drill',
      'ซ้อมแผนรับมือภัยพิบัติร่วมกัน',
      'ส่งเสริมผู้หญิงในตำแหน่งผู้บริหาร',
    ],
  ])('%s: duplicate > related > unrelated', (_name, anchor, dup, related, unrelated) => {
    const d = similarity(anchor, dup, ctx);
    const r = similarity(anchor, related, ctx);
    const u = similarity(anchor, unrelated, ctx);
    expect(d).toBeGreaterThan(r);
    expect(r).toBeGreaterThan(u);
    expect(d).toBeGreaterThanOrEqual(0.7);
    expect(r).toBeGreaterThanOrEqual(0.18);
    expect(u).toBeLessThan(0.1);
  });

  it('a Thai note and its English translation are related through concepts alone', () => {
    const d = similarityDetail('แผนรับมือภัยพิบัติ', 'Disaster plans', ctx);
    expect(d.grams).toBe(0);
    expect(d.concepts).toBeGreaterThan(0.5);
    expect(d.score).toBeGreaterThan(0.18);
  });

  it('sharing only a generic concept (civil servants) is not enough', () => {
    expect(similarity('ข้าราชการต้องเข้าใจ AI', 'Civil servants need to speak English', ctx)).toBeLessThan(0.18);
  });

  it('accepts notes of the index by id and text', () => {
    const [a, b] = LABELLED_NOTES;
    expect(similarity(a!, b!, ctx)).toBe(similarity(a!.text, b!.text, ctx));
  });

  it('is symmetric, in [0, 1], 1 on identical text, and deterministic', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab cd-!ฝึกอบรมภัยพิบัติ training disaster 😊'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = similarity(a, b, ctx);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a, ctx)).toBeCloseTo(s, 12);
        expect(similarity(a, b, ctx)).toBe(s);
        if (normalise(a).length > 0) expect(similarity(a, a, ctx)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('buildIndex is a pure function of its input', () => {
    const a = buildIndex(LABELLED_NOTES);
    const b = buildIndex(LABELLED_NOTES);
    expect([...a.tokenIds]).toEqual([...b.tokenIds]);
    expect(Array.from(a.tokenIdf)).toEqual(Array.from(b.tokenIdf));
    expect(a.notes.map((n) => n.concepts)).toEqual(b.notes.map((n) => n.concepts));
  });

  it('works without an index (uniform weights)', () => {
    expect(similarity('disaster drills', 'ซ้อมแผนภัยพิบัติ')).toBeGreaterThan(similarity('disaster drills', 'coffee'));
  });
});
