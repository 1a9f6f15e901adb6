import { describe, expect, it } from 'vitest';
import { conceptLabel, topicConceptsOf } from '../concept-map';
import { CONCEPT_INFO, LABEL_LANGS, type ConceptId } from '.';

const SCRIPT: Partial<Record<string, RegExp>> = {
  th: /[\u0E00-\u0E7F]/,
  lo: /[\u0E80-\u0EFF]/,
  km: /[\u1780-\u17FF]/,
  my: /[\u1000-\u109F]/,
};

describe('concept labels in every interface language (chips on notes, suggested groups)', () => {
  const ids = Object.keys(CONCEPT_INFO) as ConceptId[];

  it.each(LABEL_LANGS.map((l) => [l]))('%s: every concept has its own label, in its script', (lang) => {
    const seen = new Set<string>();
    for (const id of ids) {
      const label = CONCEPT_INFO[id].label[lang];
      expect(label.trim().length, `${lang}: ${id}`).toBeGreaterThan(0);
      expect(label, `${lang}: ${id}`).toBe(label.normalize('NFC'));
      const script = SCRIPT[lang];
      if (script) expect(script.test(label), `${lang}: ${id} "${label}"`).toBe(true);
      expect(seen.has(label), `${lang}: ${id} "${label}" used twice`).toBe(false);
      seen.add(label);
    }
  });

  it('non-English labels are translations, not English left in place (bar loanwords)', () => {
    // Latin-script languages write some names as English does ("Digital", "Data", "Inovasi"):
    // at most a few per language may equal the English label.
    for (const lang of LABEL_LANGS.filter((l) => l !== 'en')) {
      const same = ids.filter((id) => CONCEPT_INFO[id].label[lang] === CONCEPT_INFO[id].label.en);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThanOrEqual(3);
    }
  });

  it.each<[string, string, string]>([
    ['th', 'disaster', 'การรับมือภัยพิบัติ'],
    ['km', 'disaster', 'ភាពធន់នឹងគ្រោះមហន្តរាយ'],
    ['my', 'training', 'သင်တန်း'],
    ['fil', 'onestop', 'One-stop na serbisyo'],
    ['tl', 'onestop', 'One-stop na serbisyo'], // Filipino's older tag
    ['vi-VN', 'egov', 'Chính phủ số'],
    ['lo', 'womenleaders', 'ແມ່ຍິງໃນຕຳແໜ່ງການນຳ'],
    ['de', 'training', 'Training'], // a language the app does not have: English
  ])('conceptLabel(%s, %s)', (locale, id, label) => {
    expect(conceptLabel(id, locale)).toBe(label);
  });

  it('a note in one language shows its topics in the reader’s language', () => {
    const khmer = 'ត្រៀមលក្ខណៈស្ថាប័នរដ្ឋ ដើម្បីឆ្លើយតបនឹងគ្រោះមហន្តរាយ';
    const ids = topicConceptsOf(khmer);
    expect(ids).toEqual(['disaster']); // generic "agencies" is not shown
    expect(ids.map((c) => conceptLabel(c, 'en'))).toEqual(['Disaster resilience']);
    expect(ids.map((c) => conceptLabel(c, 'my'))).toEqual(['ဘေးအန္တရာယ် ခံနိုင်ရည်']);
  });

  it('logistics and generic concepts are not shown as topics', () => {
    expect(topicConceptsOf('Where is the toilet?')).toEqual([]);
    expect(topicConceptsOf('civil servants of ASEAN agencies')).toEqual([]);
  });
});
