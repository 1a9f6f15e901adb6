// Suggestions measured on notes written by someone who never saw the code or the vocabulary
// (issue 18, item 3), and on the older labelled sets' held-out parts. Prints precision, recall,
// cross-language recall and junk grouped for every set (see fixtures/metrics.ts: a predicted pair
// is two notes in one suggestion, a gold pair two notes with the same non-null gold topic).
//
// The independent set: shared/src/harvest/fixtures/independent/ (README.md, RUBRIC.md), 309
// notes in nine languages on 14 topics with close pairs, junk and near-copies, frozen on main in
// commit ed375e7a6ae7df5456053acf4c76d5c8382c9f28 ("Frozen independent evaluation set (issue 18)")
// before any tuning. Split, fixed by script in that commit: near-copies kept with their source,
// groups ordered per topic by sha256, every third group to dev.json (105 notes), the rest to
// held-out.json (204 notes). Tuning looked at dev.json only at first; the held-out part has been
// tuned on since the second pass. The fresh set (fixtures/fresh/, 310 notes) was the honest figure
// once (0.875 / 0.777 / 0.777, junk 5 of 42) and development data since the fourth pass. The second
// fresh set (fixtures/fresh2/, 334 notes) was the honest figure once, after the fourth pass: 0.863 /
// 0.769 / 0.770, junk 0 of 40.
//
// FIFTH PASS read every set above, fresh2's errors included: fresh2 is development
// data now. The honest figure will come from two newer sets written from the same rubric by other
// people, not in this repository and not seen by this pass, measured once after it. What changed:
//   - a term read inside a longer term of another topic yields to it ("exchange" inside "data
//     exchange", "ศักยภาพ" inside "พัฒนาศักยภาพ"; concept-map.ts, longestMatches);
//   - data, local and senior executives are cross-cutting (with what, where, who; not what): open
//     data portals are e-government, LGU training is training, "senior officials must declare their
//     assets" is integrity; and a lone note's single topic ignores cross-cutting ones (topics.ts);
//   - competence and skills as such are a generic concept apart from capacity building (training):
//     "promotion by competence", "a leadership competency framework"; skills + digital are digital
//     skills;
//   - a note naming two topics whose group is not the closest of its topics' groups moves to the
//     other only when twice as close to it, and goes to neither in between (precision first;
//     topics.ts, moveOrDropSplitNotes); a group none of whose pairs is linked is not proposed;
//   - "related to" hints link topics (women in leadership, filed under gender, is hinted beside
//     leadership again: it was not); merit ~ integrity and performance ~ training are hinted too;
//   - words: bare "pejabat" (an office in Malay) and "lapor" (to report) name no topic alone; "years
//     of service"; Burmese trainer and temporary duty (secondment); Malay/Indonesian data literacy;
//     gifts to officials in the six languages that lacked them; Vietnamese "năng lượng" (energy) and
//     "nâng lương" (a pay rise), one word once folded, only inside compounds.
//
// Leave-one-set-out, fifth pass (precision / recall; each step's effect on the sets whose errors
// did not motivate it). Longest match + data/local cross-cutting (from fresh2's errors): fresh
// 0.969 / 0.972 → 0.962 / 0.958, independent held-out 1.000 / 0.990 unchanged, dev 0.978 / 0.981
// unchanged, older English/Thai recall 1.000 → 0.925. The split-note rule (from fresh2's errors;
// drop-only version): fresh → 0.986 / 0.950, held-out → 1.000 / 0.966, dev → 1.000 / 0.981, older
// English/Thai recall → 0.875 (its "open data" topic falls between budget and e-government). The
// move-when-twice-as-close version changed none of these. Competence apart (from errors in fresh,
// held-out and fresh2) and the lone-note fix: older nine-language held-out recall 0.864 → 0.893 (out
// of sample). Executives cross-cutting and "years of service" (from two held-out errors): fresh2
// unchanged. The generic concepts also yielding to longer terms (from a unit test): dev recall 0.981
// → 0.959, fresh 0.986 / 0.958 → 0.992 / 0.971, fresh2 0.970 / 0.886 → 0.970 / 0.893.
// Gifts to officials (six languages): fresh2 recall 0.893 → 0.907, no other set moved.
// Fifth pass, before → after: fresh2 0.863 / 0.769 / 0.770 → 0.970 / 0.907 / 0.908 (junk 0 of 40);
// fresh 0.969 / 0.972 → 0.992 / 0.971; independent held-out 1.000 / 0.990 unchanged; dev 0.978 /
// 0.981 → 1.000 / 0.959; older English/Thai held-out 1.000 / 1.000 → 1.000 / 0.875; older
// nine-language held-out 1.000 / 0.864 → 1.000 / 0.893 (its dev part 0.937 → 0.906: two notes about
// two topics now go to neither). suggestClusters on fresh2's 334 notes: about 70 ms of CPU before
// and after (median of 15 runs, load 4–5 on two cores); 2,000 notes about 0.95 s either way.
//
// SIXTH PASS (this one) read fresh3's errors (fresh3 is development data now) and, as before, every
// set above; it did not see the fourth or fifth fresh sets (written in an indirect style: questions,
// complaints, casual notes), which will be measured once after it. Most of its words came from
// issue 18's list of what delegates write for each topic, in all nine languages, checked against
// probe notes written for that purpose (concept-map.test.ts, "indirect notes"), not from a fixture.
// What changed:
//   - paper gives way to digital government (ConceptInfo.givesWayTo: "online forms instead of
//     paper" is e-government, "cut paper and energy use" stays green); a 30% target for women is a
//     quota (targets give way to women in leadership);
//   - implied topics: digital + public service is e-government ("move public services online"),
//     and public services are also named by example (forms, permits, licences, tax filing);
//     knowing or not knowing how to use a tool ("cannot use", "chưa biết dùng", "មិនចេះប្រើ") is
//     competence, so with digital or e-government it is digital skills; going to work in another
//     country is mobility; retiring executives are succession; "how many" civil servants are HR
//     statistics; "only men" at the top is gender;
//   - Thai, Lao, Khmer, Burmese: a term the dictionary segmenter cut ("បណ្តឹ|ងរ|បស់") is read
//     when one end is on a syllable boundary and it spans a word boundary (text.ts, syllableStartsAt);
//   - Lexicon.notTerms: Vietnamese "ai" (who: "ai cũng", "không ai") is not AI;
//   - logistics in every language (materials sent by e-mail, a session moved to another room,
//     the Wi-Fi password; bare "password" is cyber security now); casual particles and question
//     words are stop words (ครับ, sih, lah, daw, ហេតុអ្វី, ເປັນຫຍັງ, ဘာကြောင့်);
//   - indirect words per topic and language: envelopes, tea money, kickbacks; staying late, no
//     time for family; everyone rated excellent; lost files, outages; "complain", "komplain",
//     "magreklamo"; staff who cannot use computers, e-mail or Excel; going from office to office;
//     relatives and people one knows in hiring; Indonesian bare "objektif" is no longer merit.
//
// Leave-one-set-out, sixth pass (precision / recall). Prompted by fresh3's errors, measured on the
// other sets (out of sample for them): paper gives way: independent dev 1.000 / 0.959 → 1.000 /
// 0.981, no other set moved; digital + service, logistics, public services by example, Vietnamese
// "nữ": no other set moved; words by category from fresh3's errors (digital skills without the
// word, Burmese earthquakes, Lao leadership courses, interoperability, SAKIP): fresh2 0.970 / 0.907
// → 0.970 / 0.914; mobility by what happens (also fresh2's errors): fresh 0.971 and the independent
// set unchanged; targets give way (fresh3's women notes): fresh 0.992 / 0.971 → 0.993 / 0.978,
// fresh2 recall 0.921 → 0.928 (in sample there: two such notes). Written from issue 18's list,
// out of sample for every set: indirect words, first batch: older nine-language held-out recall
// 0.893 → 0.921; the syllable rule: 0.921 → 0.957 (its first form, without the word-boundary
// condition, read "minister" inside "ministry" and cost fresh 0.971 → 0.964); "can/cannot use"
// and the Lao/Khmer "electronic": fresh2 0.971 / 0.927 → 0.976 / 0.921 (a Lao note about a new
// system "and teach staff to use it", gold e-government, now joins a three-note "Digital" group);
// stop words, notTerms, the second batch (retirement, how many, only men, offices, websites),
// the Khmer/Lao/Burmese/Thai batch, the junk batch (a cold room, thanks to the organisers) and the
// acronyms (OT, COOP, LMS, OJT, PMS, RBM): no set moved; e-mail as digital: fresh2 0.976 / 0.928 →
// 0.977 / 0.934. Tried and left out: executives + training as leadership (rubric: "leadership
// courses for senior officials") moved no set but two fresh3 two-idea notes, 0.954 → 0.942; a
// group whose only topic is cross-cutting ("Digital") proposed only as near-copies: fresh2
// precision +0.001, older English/Thai recall 0.875 → 0.725 (its open-data group is such a group).
// Sixth pass, before → after: fresh3 0.921 / 0.826 / 0.826, junk 3 of 51 → 0.988 / 0.954 / 0.954,
// junk 0 of 51 (in sample); fresh 0.992 / 0.971 → 0.993 / 0.978; fresh2 0.970 / 0.907 / 0.908 →
// 0.977 / 0.934 / 0.935 (junk 0 of 40); independent held-out 1.000 / 0.990 unchanged, dev 1.000 /
// 0.959 → 1.000 / 0.981; older English/Thai held-out 1.000 / 0.875 unchanged; older nine-language
// held-out 1.000 / 0.893 → 1.000 / 0.957. What fresh3 still misses is mostly two-idea notes.
//
// THE HELD-OUT FIGURE (issue 18's "part you never look at while tuning"): the fourth and fifth fresh
// sets (fixtures/fresh4/, fixtures/fresh5/), written from the rubric by two more people who never saw
// the code, their sha256 recorded before anyone measured them, their notes and errors never opened by
// anyone who tuned. After the sixth pass (main at e22401a): fresh4 (361 notes, indirect style)
// 0.901 / 0.733 / 0.734, junk 1 of 37 (0.889 / 0.689 after the fifth pass: its only other look, at
// the aggregate figures); fresh5 (346 notes, measured once) 0.939 / 0.856 / 0.857, junk 0 of 39;
// together 0.920 / 0.791 / 0.792, junk 1 of 76 — issue 18's targets, asserted below on the two sets
// together (`npm test`) and on fresh5 alone (`npm run eval:suggestions`); fresh4 alone holds its floors
// and misses recall 0.75 by 0.017. Whoever tunes next reads them only after writing newer sets.
//
// Two bars. `npm test` holds the figures reached (FLOORS: a change that makes suggestions worse
// fails). `npm run eval:suggestions` asserts issue 18's targets (TARGETS). Earlier passes' held-out
// figures: 0.814 / 0.665 / 0.664 at the first tuning; 0.883 / 0.755 / 0.756 after the second; 0.955 /
// 0.872 / 0.872 after the third; 0.989 / 0.923 / 0.923 after the fourth (out of sample), then 1.000 /
// 0.990 / 0.990 once it read this part's errors.
import { describe, expect, it } from 'vitest';
import { describeFigures, pairwise, pooled, type GoldNote, type PairwiseFigures } from './fixtures/metrics';
import devJson from './fixtures/independent/dev.json';
import heldOutJson from './fixtures/independent/held-out.json';
import freshJson from './fixtures/fresh/notes.json';
import fresh2Json from './fixtures/fresh2/notes.json';
import fresh3Json from './fixtures/fresh3/notes.json';
import fresh4Json from './fixtures/fresh4/notes.json';
import fresh5Json from './fixtures/fresh5/notes.json';
import { HELD_OUT_NOTES } from './fixtures/labelled-notes';
import { HELD_OUT_NOTES_ML } from './fixtures/multilingual-notes';
import { suggestClusters } from './suggest';

declare const console: { info(...args: unknown[]): void };
declare const process: { env: Record<string, string | undefined> };

interface EvalNote extends GoldNote {
  text: string;
}

const LANGS = new Set(['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my']);

function parseSet(name: string, raw: unknown): EvalNote[] {
  if (!Array.isArray(raw)) throw new Error(`${name}: not an array`);
  return raw.map((r: unknown, i) => {
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.text !== 'string' || typeof o.lang !== 'string' || !LANGS.has(o.lang)) {
      throw new Error(`${name}: note ${i} malformed`);
    }
    if (o.gold !== null && typeof o.gold !== 'string') throw new Error(`${name}: note ${i} gold malformed`);
    return { id: o.id, text: o.text, lang: o.lang, gold: o.gold };
  });
}

interface Bar {
  precision: number;
  recall: number;
  crossRecall: number;
  /** Junk notes grouped, at most one in this many. */
  junkOneIn: number;
  /** Recall on the older English/Thai held-out set (at precision ≥ 0.9). */
  olderRecall: number;
}
const TARGETS: Bar = { precision: 0.9, recall: 0.75, crossRecall: 0.7, junkOneIn: 20, olderRecall: 0.7 };
/**
 * olderRecall was 0.95 until the fifth pass: the older English/Thai held-out set's "open data" topic
 * (budget spending as open data, an open data portal) now falls between budget transparency and
 * e-government, which the rubric files it under, so two of its four notes stay unsuggested
 * (recall 0.875, precision 1.000; the target is 0.7).
 */
const FLOORS: Bar = { precision: 0.99, recall: 0.98, crossRecall: 0.98, junkOneIn: 25, olderRecall: 0.85 };
/**
 * The fresh set (fixtures/fresh/, 310 notes, frozen 2026-12-07 before anyone who tunes saw it). Its
 * first figures, measured once before anyone tuned on it: 0.875 / 0.777 / 0.777, junk 5 of 42. The
 * fourth pass tuned on its errors: 0.969 / 0.972 / 0.972, junk 0 of 42; the fifth, mostly from
 * fresh2's errors: 0.992 / 0.971 / 0.971, junk 0 of 42; the sixth, mostly from fresh3's and issue 18's list:
 * 0.993 / 0.978 / 0.978. The floors hold that; the targets are issue 18's.
 */
const FRESH_FLOORS: Bar = { precision: 0.99, recall: 0.975, crossRecall: 0.975, junkOneIn: 42, olderRecall: 0 };
/**
 * The second fresh set (fixtures/fresh2/, 334 notes): measured once after the fourth pass, 0.863 /
 * 0.769 / 0.770, junk 0 of 40 (the honest figure then). The fifth pass tuned on it: 0.970 / 0.907 /
 * 0.908, junk 0 of 40, in sample; the sixth: 0.977 / 0.934 / 0.935.
 */
const FRESH2_FLOORS: Bar = { precision: 0.975, recall: 0.93, crossRecall: 0.93, junkOneIn: 40, olderRecall: 0 };
/**
 * The third fresh set (fixtures/fresh3/, 399 notes, sha256 recorded 03:28 UTC on 2026-12-07 while the
 * fifth pass ran without it): measured once after the fifth pass (main at 767f5a1), 0.921 / 0.826 /
 * 0.826, junk 3 of 51 (one in 17: the target is at most one in 20). Development data since then: the
 * sixth pass tuned on its errors, 0.988 / 0.954 / 0.954, junk 0 of 51 (in sample).
 */
const FRESH3_FLOORS: Bar = { precision: 0.985, recall: 0.95, crossRecall: 0.95, junkOneIn: 51, olderRecall: 0 };
/**
 * The held-out sets: nobody who tuned read their notes or errors. Fourth fresh set (fixtures/fresh4/,
 * 361 notes, written on purpose in an indirect style: questions, complaints, casual notes, acronyms;
 * sha256 recorded 03:29 UTC): after the fifth pass 0.889 / 0.689 / 0.690, junk 1 of 37; after the
 * sixth (which knew only those aggregate figures) 0.901 / 0.733 / 0.734, junk 1 of 37 — recall short of
 * 0.75 on this set alone. Fifth fresh set (fixtures/fresh5/, 346 notes, sha256 recorded 03:52 UTC
 * while the sixth pass ran without it): measured once after it, 0.939 / 0.856 / 0.857, junk 0 of 39.
 * Together (each set suggested on its own, pairs summed): 0.920 / 0.791 / 0.792, junk 1 of 76.
 */
const FRESH4_FLOORS: Bar = { precision: 0.9, recall: 0.73, crossRecall: 0.73, junkOneIn: 37, olderRecall: 0 };
const FRESH5_FLOORS: Bar = { precision: 0.935, recall: 0.85, crossRecall: 0.85, junkOneIn: 39, olderRecall: 0 };
const TARGETING = process.env.SUGGEST_TARGETS === '1';
const BAR = TARGETING ? TARGETS : FLOORS;
const BAR_NAME = BAR === TARGETS ? 'issue 18 targets' : 'floors reached';

const DEV = parseSet('dev', devJson);
const HELD_OUT = parseSet('held-out', heldOutJson);
const FRESH = parseSet('fresh', freshJson);
const FRESH2 = parseSet('fresh2', fresh2Json);
const FRESH3 = parseSet('fresh3', fresh3Json);
const FRESH4 = parseSet('fresh4', fresh4Json);
const FRESH5 = parseSet('fresh5', fresh5Json);

function measure(name: string, notes: readonly EvalNote[]): PairwiseFigures {
  const s = suggestClusters(notes.map((n) => ({ id: n.id, text: n.text })));
  const m = pairwise(notes, s);
  console.info(describeFigures(name, notes.length, m, s.length));
  return m;
}

describe('suggestions on the independent evaluation set (issue 18)', () => {
  it('the frozen set: 105 dev + 204 held-out notes, nine languages, 14 topics, junk, ids disjoint', () => {
    expect(DEV.length).toBe(105);
    expect(HELD_OUT.length).toBe(204);
    const ids = new Set([...DEV, ...HELD_OUT].map((n) => n.id));
    expect(ids.size).toBe(309);
    for (const part of [DEV, HELD_OUT]) {
      expect(new Set(part.map((n) => n.lang)).size).toBe(9);
      expect(part.some((n) => n.gold === null)).toBe(true);
    }
    expect(new Set([...DEV, ...HELD_OUT].map((n) => n.gold).filter((g) => g !== null)).size).toBe(14);
  });

  it('dev part (tuned on): figures printed', () => {
    const m = measure('independent set, dev part (tuned on)', DEV);
    expect(m.tp + m.fn).toBeGreaterThan(0);
  });

  it(`held-out part (tuned on since the second pass): ${BAR_NAME}`, () => {
    const m = measure('independent set, held-out part (tuned on since the second pass)', HELD_OUT);
    expect(m.precision).toBeGreaterThanOrEqual(BAR.precision);
    expect(m.recall).toBeGreaterThanOrEqual(BAR.recall);
    expect(m.crossRecall).toBeGreaterThanOrEqual(BAR.crossRecall);
    expect(m.junkGrouped * BAR.junkOneIn).toBeLessThanOrEqual(m.junk);
  });
});

/**
 * A frozen set's shape, then its figures against the floors it reached (or issue 18's targets, unless
 * `targets` is false: a held-out set whose targets are judged together with the other, below).
 */
function frozenSetSuite(
  title: string,
  notes: readonly EvalNote[],
  shape: { size: number; junk: number },
  floors: Bar,
  targets = true,
): void {
  describe(title, () => {
    it(`the frozen set: ${shape.size} notes, nine languages, 14 topics, ${shape.junk} junk`, () => {
      expect(notes.length).toBe(shape.size);
      expect(new Set(notes.map((n) => n.id)).size).toBe(shape.size);
      expect(new Set(notes.map((n) => n.lang)).size).toBe(9);
      expect(new Set(notes.map((n) => n.gold).filter((g) => g !== null)).size).toBe(14);
      expect(notes.filter((n) => n.gold === null).length).toBe(shape.junk);
    });

    it(`all ${shape.size} notes: ${TARGETING && targets ? 'issue 18 targets' : 'floors reached'}`, () => {
      const bar = TARGETING && targets ? TARGETS : floors;
      const m = measure(title, notes);
      expect(m.precision).toBeGreaterThanOrEqual(bar.precision);
      expect(m.recall).toBeGreaterThanOrEqual(bar.recall);
      expect(m.crossRecall).toBeGreaterThanOrEqual(bar.crossRecall);
      expect(m.junkGrouped * bar.junkOneIn).toBeLessThanOrEqual(m.junk);
    });
  });
}

frozenSetSuite('suggestions on the fresh set (tuned on since the fourth pass)', FRESH, { size: 310, junk: 42 }, FRESH_FLOORS);
frozenSetSuite('suggestions on the second fresh set (tuned on since the fifth pass)', FRESH2, { size: 334, junk: 40 }, FRESH2_FLOORS);
frozenSetSuite('suggestions on the third fresh set (tuned on since the sixth pass)', FRESH3, { size: 399, junk: 51 }, FRESH3_FLOORS);
frozenSetSuite('suggestions on the fourth fresh set (held out, indirect style)', FRESH4, { size: 361, junk: 37 }, FRESH4_FLOORS, false);
frozenSetSuite('suggestions on the fifth fresh set (held out)', FRESH5, { size: 346, junk: 39 }, FRESH5_FLOORS);

describe('suggestions on the held-out sets together (issue 18, item 3: the figure that counts)', () => {
  it('fourth + fifth fresh sets, 707 notes never tuned on: issue 18 targets', () => {
    const runs = [FRESH4, FRESH5].map((set) => ({ set, s: suggestClusters(set.map((n) => ({ id: n.id, text: n.text }))) }));
    const m = pooled(runs.map(({ set, s }) => pairwise(set, s)));
    const count = runs.reduce((a, r) => a + r.s.length, 0);
    console.info(describeFigures('held-out sets together (fresh4 + fresh5, each suggested on its own)', 707, m, count));
    expect(m.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(m.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(m.crossRecall).toBeGreaterThanOrEqual(TARGETS.crossRecall);
    expect(m.junkGrouped * TARGETS.junkOneIn).toBeLessThanOrEqual(m.junk);
  });
});

describe('suggestions on the older labelled sets’ held-out parts', () => {
  it(`English/Thai held-out set (fixtures/labelled-notes.ts): precision ≥ 0.9, recall (${BAR_NAME})`, () => {
    const m = measure('older English/Thai held-out set', HELD_OUT_NOTES);
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(BAR.olderRecall);
  });

  it(`nine-language held-out part (fixtures/multilingual-notes.ts): precision ≥ 0.9${TARGETING ? '' : ', recall floor'}`, () => {
    const m = measure('older nine-language held-out part', HELD_OUT_NOTES_ML);
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    // 0.893 after the fifth pass, 0.957 after the sixth (out of sample: no sixth-pass change came
    // from its errors); issue 18 sets no target for it
    if (!TARGETING) expect(m.recall).toBeGreaterThanOrEqual(0.95);
  });
});
