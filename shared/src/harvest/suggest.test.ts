import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { suggestClusters, suggestionKey, type SuggestNote } from './suggest';
import { HELD_OUT_NOTES, LABELLED_NOTES, type LabelledNote } from './fixtures/labelled-notes';
import { describeFigures, pairwise } from './fixtures/metrics';
import { DEV_NOTES, HELD_OUT_NOTES_ML, type MultilingualNote } from './fixtures/multilingual-notes';

// shared/ compiles with lib ES2023 and no DOM or Node types; both exist in every runtime we test.
declare const console: { info(...args: unknown[]): void };
declare const performance: { now(): number };
declare const process: { cpuUsage(previous?: { user: number; system: number }): { user: number; system: number } };

const asInput = (notes: ReadonlyArray<LabelledNote | MultilingualNote>): SuggestNote[] =>
  notes.map(({ id, text, tableId }) => ({ id, text, tableId }));

describe('fixtures', () => {
  it('labelled set: ≥ 60 notes, ~1/3 each language, 12–16 groups of 2–8 plus singletons', () => {
    expect(LABELLED_NOTES.length).toBeGreaterThanOrEqual(60);
    const byLang = new Map<string, number>();
    const byGold = new Map<string, number>();
    for (const n of LABELLED_NOTES) {
      byLang.set(n.lang, (byLang.get(n.lang) ?? 0) + 1);
      if (n.gold) byGold.set(n.gold, (byGold.get(n.gold) ?? 0) + 1);
    }
    for (const lang of ['th', 'en', 'mixed']) expect(byLang.get(lang)! / LABELLED_NOTES.length).toBeGreaterThan(0.25);
    expect(byGold.size).toBeGreaterThanOrEqual(12);
    expect(byGold.size).toBeLessThanOrEqual(16);
    for (const size of byGold.values()) expect(size).toBeGreaterThanOrEqual(2);
    for (const size of byGold.values()) expect(size).toBeLessThanOrEqual(8);
    expect(LABELLED_NOTES.filter((n) => n.gold === null).length).toBeGreaterThan(0);
    expect(new Set([...LABELLED_NOTES, ...HELD_OUT_NOTES].map((n) => n.id)).size).toBe(LABELLED_NOTES.length + HELD_OUT_NOTES.length);
  });
});

describe('suggestClusters: quality against the gold grouping', () => {
  it('labelled set (in-sample: the concept map and threshold were tuned on it)', () => {
    const s = suggestClusters(asInput(LABELLED_NOTES));
    const m = pairwise(LABELLED_NOTES, s);
    console.info(
      `[harvest] labelled set, ${LABELLED_NOTES.length} notes: pairwise precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} ` +
        `(tp ${m.tp}, fp ${m.fp}, fn ${m.fn}; ${s.length} suggestions)`,
    );
    // measured: precision 0.965, recall 0.890 (before the multilingual map: 1.000, 0.690)
    expect(m.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out set (not used for tuning the map or threshold)', () => {
    const s = suggestClusters(asInput(HELD_OUT_NOTES));
    const m = pairwise(HELD_OUT_NOTES, s);
    console.info(
      `[harvest] held-out set, ${HELD_OUT_NOTES.length} notes: pairwise precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} ` +
        `(tp ${m.tp}, fp ${m.fp}, fn ${m.fn}; ${s.length} suggestions)`,
    );
    // measured: precision 1.000, recall 0.550 (before: 1.000, 0.500). Written by another hand
    // than the multilingual map, it is the most honest figure we have: much of what it misses
    // is vocabulary the map does not have ("blind", "sign language" notes, "tiny budgets").
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('both sets together (more topics, so more chances to merge wrongly)', () => {
    const all = [...LABELLED_NOTES, ...HELD_OUT_NOTES];
    const m = pairwise(all, suggestClusters(asInput(all)));
    console.info(`[harvest] both sets, ${all.length} notes: pairwise precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}`);
    // measured: precision 0.818, recall 0.831 (before: 0.847, 0.651; the false pairs: accessible
    // government websites joined to digital services, a translation note joined to "local")
    expect(m.precision).toBeGreaterThanOrEqual(0.8);
    expect(m.recall).toBeGreaterThanOrEqual(0.75);
  });
});

describe('suggestClusters: nine languages (multilingual labelled set)', () => {
  it('the set: ≥ 200 notes, nine languages, ≥ 10 topics, junk, split into dev and held-out', () => {
    const all = [...DEV_NOTES, ...HELD_OUT_NOTES_ML];
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(new Set(all.map((n) => n.lang))).toEqual(new Set(['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my']));
    expect(new Set(all.map((n) => n.gold).filter((g) => g !== null)).size).toBeGreaterThanOrEqual(10);
    for (const part of [DEV_NOTES, HELD_OUT_NOTES_ML]) {
      expect(new Set(part.map((n) => n.lang)).size).toBe(9);
      expect(part.filter((n) => n.gold === null).length).toBeGreaterThanOrEqual(8);
    }
  });

  // Targets of issue 12 on the held-out part: precision ≥ 0.9, recall ≥ 0.75, cross-language
  // recall ≥ 0.6, at most 1 junk note in 20 grouped. The dev part was used to tune the concept
  // map, the stop words and the thresholds; the held-out part never was.
  it.each<[string, readonly MultilingualNote[]]>([
    ['dev part (tuned on)', DEV_NOTES],
    ['held-out part (never tuned on)', HELD_OUT_NOTES_ML],
  ])('%s', (name, notes) => {
    const s = suggestClusters(asInput(notes));
    const m = pairwise(notes, s);
    console.info(describeFigures(name, notes.length, m, s.length));
    // measured, dev: precision 1.000, recall 1.000, cross-language 1.000, junk 0/16;
    // held-out: precision 1.000, recall 0.914, cross-language 0.911, junk 0/8
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(0.75);
    expect(m.crossRecall).toBeGreaterThanOrEqual(0.6);
    expect(m.junkGrouped / m.junk).toBeLessThanOrEqual(1 / 20);
  });

  // Two suggestions linked by a "related to" hint (one-stop service and digital government, which
  // issue 18 asks to offer apart) count as one offer of the set's 'digital-services' topic.
  it('one suggestion per topic: no two suggestions share a gold topic on the held-out part', () => {
    const all = suggestClusters(asInput(HELD_OUT_NOTES_ML));
    const s = all.filter((x) => !(x.related ?? []).some((k) => k < x.key && all.some((y) => y.key === k)));
    const gold = new Map(HELD_OUT_NOTES_ML.map((n) => [n.id, n.gold]));
    const majority = s.map((x) => {
      const counts = new Map<string | null, number>();
      for (const id of x.noteIds) counts.set(gold.get(id)!, (counts.get(gold.get(id)!) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    });
    expect(new Set(majority).size, majority.join(' ')).toBe(majority.length);
  });

  it('labels in the UI language', () => {
    const notes = asInput(DEV_NOTES);
    const en = suggestClusters(notes);
    const th = suggestClusters(notes, { locale: 'th' });
    expect(th.map((x) => x.noteIds)).toEqual(en.map((x) => x.noteIds));
    expect(en.map((x) => x.label)).toContain('Disaster resilience');
    expect(th.map((x) => x.label)).toContain('การรับมือภัยพิบัติ');
    expect(th.every((x) => /[\u0E00-\u0E7F]/.test(x.label))).toBe(true);
  });

  it('merges a topic split by vocabulary (training / capacity building) into one suggestion', () => {
    const s = suggestClusters([
      { id: 'a', text: 'Online training courses for civil servants' },
      { id: 'b', text: 'จัดอบรมข้าราชการผ่านระบบออนไลน์' },
      { id: 'c', text: 'Đào tạo trực tuyến cho cán bộ công chức' },
      { id: 'd', text: 'Capacity building and new skills for staff' },
      { id: 'e', text: 'พัฒนาศักยภาพและทักษะบุคลากร' },
      { id: 'f', text: 'Nâng cao năng lực và kỹ năng cho cán bộ' },
      { id: 'x', text: 'Joint disaster response drills' },
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ noteIds: ['a', 'b', 'c', 'd', 'e', 'f'], label: 'Training' });
  });

  it('groups a Khmer and a Vietnamese note with their English counterpart', () => {
    const s = suggestClusters([
      { id: 'en', text: 'Joint disaster response drills between ASEAN countries' },
      { id: 'km', text: 'ការត្រៀមបង្ការគ្រោះមហន្តរាយ និងទឹកជំនន់' },
      { id: 'vi', text: 'Diễn tập phòng chống thiên tai chung trong ASEAN' },
      { id: 'x', text: 'Wifi password please' },
    ]);
    expect(s.map((x) => x.noteIds)).toEqual([['en', 'km', 'vi']]);
  });

  it('proposes adding a straggler in another language to the existing cluster of its topic', () => {
    const notes = asInput(DEV_NOTES);
    const disaster = DEV_NOTES.filter((n) => n.gold === 'disaster');
    const straggler = disaster.find((n) => n.lang === 'km')!;
    const existing = [{ clusterId: 'c-disaster', noteIds: disaster.filter((n) => n !== straggler).map((n) => n.id) }];
    const s = suggestClusters(notes, { existing, locale: 'th' });
    const add = s.find((x) => x.targetClusterId === 'c-disaster');
    expect(add).toMatchObject({ noteIds: [straggler.id], label: 'การรับมือภัยพิบัติ' });
    expect(s.filter((x) => x.noteIds.includes(straggler.id))).toHaveLength(1);
  });
});

describe('suggestClusters: behaviour', () => {
  const notes = asInput(LABELLED_NOTES);
  const base = suggestClusters(notes);
  const textOf = new Map(LABELLED_NOTES.map((n) => [n.id, n.text]));

  it('returns nothing for fewer than two notes', () => {
    expect(suggestClusters([])).toEqual([]);
    expect(suggestClusters([{ id: 'a', text: 'Joint disaster drills' }])).toEqual([]);
  });

  it('does not depend on input order, and keys depend only on the note-id set', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(notes, { minLength: notes.length, maxLength: notes.length }), (shuffled) => {
        expect(suggestClusters(shuffled)).toEqual(base);
      }),
      { numRuns: 10 },
    );
    for (const s of base) expect(s.key).toBe(suggestionKey([...s.noteIds].reverse()));
    expect(new Set(base.map((s) => s.key)).size).toBe(base.length);
  });

  it('every note is in at most one suggestion; groups have ≥ 2 notes; sorted by score', () => {
    const seen = new Set<string>();
    for (const s of base) {
      expect(s.noteIds.length).toBeGreaterThanOrEqual(2);
      expect([...s.noteIds].sort()).toEqual(s.noteIds);
      for (const id of s.noteIds) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < base.length; i++) expect(base[i - 1]!.score).toBeGreaterThanOrEqual(base[i]!.score);
  });

  it('marks a copied note as a duplicate, cross-table', () => {
    const s = suggestClusters([
      { id: 'a', text: 'Civil servant exchange programme among ASEAN member states', tableId: 't1' },
      { id: 'b', text: 'civil servant exchange program among ASEAN member states!', tableId: 't2' },
      { id: 'c', text: 'The room is too cold', tableId: 't1' },
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ noteIds: ['a', 'b'], kind: 'duplicate', crossTable: true });
  });

  it('groups a Thai and an English note on the same topic, with an English concept label', () => {
    const s = suggestClusters([
      { id: 'th1', text: 'แผนรับมือภัยพิบัติของหน่วยงานรัฐ', tableId: 't1' },
      { id: 'th2', text: 'ซ้อมแผนภัยพิบัติทุกปี', tableId: 't1' },
      { id: 'en1', text: 'Disaster preparedness plans for every agency', tableId: 't2' },
      { id: 'x', text: 'Longer coffee breaks please', tableId: 't3' },
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ noteIds: ['en1', 'th1', 'th2'], kind: 'related', label: 'Disaster resilience', crossTable: true });
  });

  // Junk as people type it on a board, in every language: tests, one or two words, emojis, +1,
  // thanks, room and time logistics, questions to the facilitator, jokes, and topic words used in
  // a logistics sense. Written for this test, not taken from an evaluation set.
  const JUNK: ReadonlyArray<[string, string]> = [
    ['en', 'test test 1 2 3'],
    ['en', '+1'],
    ['en', '👍👍👍'],
    ['en', 'Leadership session postponed to after lunch'],
    ['en', 'Sorry, cannot hear the presenter at the back'],
    ['en', 'Leadership = more meetings 😂'],
    ['th', 'ผู้นำที่ดีต้องเลี้ยงกาแฟทุกวัน 🤣'],
    ['th', 'ทดสอบ'],
    ['th', 'ช่วงอบรมภาคบ่ายเลื่อนไปบ่ายสามโมง'],
    ['th', 'ห้องน้ำอยู่ไหนคะ'],
    ['vi', 'ok ạ'],
    ['vi', 'Phiên chiều về chuyển đổi số dời sang phòng họp B'],
    ['id', 'mantap 😂'],
    ['id', 'Bahan presentasi diklat kepemimpinan dibagikan lewat email ya'],
    ['ms', 'Terima kasih atas jamuan!'],
    ['ms', 'Sesi petang tentang latihan ditangguhkan'],
    ['fil', 'haha'],
    ['fil', 'Hindi marinig yung speaker, lakasan po'],
    ['km', 'អរគុណច្រើន'],
    ['km', 'វគ្គរសៀលស្តីពីការបណ្តុះបណ្តាលពន្យារពេល'],
    ['lo', 'ຂອບໃຈຫຼາຍໆ'],
    ['lo', 'ພາກບ່າຍກອງປະຊຸມເລື່ອນໄປ'],
    ['my', 'ကျေးဇူးတင်ပါတယ်'],
    ['my', 'သင်တန်းခန်းမ ဘယ်မှာလဲ'],
  ];
  it('never groups junk, in any of the nine languages, even beside notes on the same words', () => {
    const topics = [
      'Leadership programme for new directors',
      'โครงการพัฒนาผู้นำสำหรับผู้บริหารระดับสูง',
      'Chương trình bồi dưỡng lãnh đạo cho cán bộ quản lý',
      'Digital government services online for every agency',
      'Chuyển đổi số và dịch vụ công trực tuyến',
      'Pelatihan dan diklat untuk ASN di daerah',
      'Latihan dan kursus untuk penjawat awam',
      'វគ្គបណ្តុះបណ្តាលសម្រាប់មន្ត្រីរាជការ',
    ].map((text, i) => ({ id: `t${i}`, text }));
    const junk = JUNK.map(([lang, text], i) => ({ id: `j-${lang}-${i}`, text }));
    // the junk notes twice, so each has a near-copy to be grouped with if it were not junk
    const copies = junk.map((j) => ({ id: `${j.id}-copy`, text: `${j.text}!` }));
    const s = suggestClusters([...topics, ...junk, ...copies]);
    const grouped = s.flatMap((x) => x.noteIds);
    expect(grouped.filter((id) => id.startsWith('j-'))).toEqual([]);
    // the topic notes are grouped: the junk stays out without stopping the rest
    expect(grouped.filter((id) => id.startsWith('t')).length).toBeGreaterThanOrEqual(6);
  });

  it('labels a group without a dominant concept with the central note’s words', () => {
    const s = suggestClusters([
      { id: 'a', text: 'The plenary agenda is too long' },
      { id: 'b', text: 'plenary agenda too long!!' },
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]!.label.split(' ').every((w) => ['plenary', 'agenda', 'long'].includes(w))).toBe(true);
  });

  it('crossTable is false when all notes come from one table', () => {
    const s = suggestClusters([
      { id: 'a', text: 'The plenary agenda is too long', tableId: 't1' },
      { id: 'b', text: 'plenary agenda too long!!', tableId: 't1' },
    ]);
    expect(s[0]!.crossTable).toBe(false);
  });

  it('drops dismissed suggestions and leaves the others unchanged', () => {
    const dismissed = base.slice(0, 2).map((s) => s.key);
    const after = suggestClusters(notes, { dismissed });
    // the same suggestions, whose "related to" hints no longer name the dismissed ones
    const expected = base.slice(2).map((s) => {
      const related = (s.related ?? []).filter((k) => !dismissed.includes(k));
      const { related: _dropped, ...rest } = s;
      return related.length > 0 ? { ...rest, related } : rest;
    });
    expect(after).toEqual(expected);
  });

  it('skips notes of existing clusters, and proposes adding related notes to them', () => {
    // Take a suggested group of ≥ 3 notes, make all but one of its notes an existing cluster.
    const group = base.find((s) => s.noteIds.length >= 3)!;
    const [left, ...inCluster] = group.noteIds;
    const existing = [{ clusterId: 'c-1', noteIds: inCluster }];
    const after = suggestClusters(notes, { existing });
    for (const s of after) if (s.targetClusterId === undefined) for (const id of inCluster) expect(s.noteIds).not.toContain(id);
    const add = after.find((s) => s.targetClusterId === 'c-1');
    expect(add, `expected a proposal to add "${textOf.get(left!)}" to the cluster`).toBeDefined();
    expect(add!.noteIds).toEqual([left]);
    expect(add!.key).toBe(suggestionKey([left!], 'c-1'));
    expect(add!.key).not.toBe(suggestionKey([left!]));
    // dismissing the addition removes it
    const dismissed = suggestClusters(notes, { existing, dismissed: [add!.key] });
    expect(dismissed.find((s) => s.targetClusterId === 'c-1')).toBeUndefined();
  });

  it('never merges two existing clusters', () => {
    const group = base.find((s) => s.noteIds.length >= 4)!;
    const [a, b, c, d] = group.noteIds;
    const after = suggestClusters(notes, {
      existing: [
        { clusterId: 'c-1', noteIds: [a!, b!] },
        { clusterId: 'c-2', noteIds: [c!, d!] },
      ],
    });
    for (const s of after) {
      for (const id of [a, b, c, d]) expect(s.noteIds).not.toContain(id);
    }
  });

  it('ignores duplicate ids and ids of existing clusters that are not in the input', () => {
    const s = suggestClusters(
      [
        { id: 'a', text: 'The plenary agenda is too long' },
        { id: 'a', text: 'something else' },
        { id: 'b', text: 'plenary agenda too long' },
      ],
      { existing: [{ clusterId: 'gone', noteIds: ['zzz'] }] },
    );
    expect(s.map((x) => x.noteIds)).toEqual([['a', 'b']]);
  });

  it('a higher threshold gives fewer grouped pairs', () => {
    const pairs = (t: number) =>
      suggestClusters(notes, { threshold: t }).reduce((n, s) => n + (s.noteIds.length * (s.noteIds.length - 1)) / 2, 0);
    expect(pairs(0.4)).toBeLessThanOrEqual(pairs(0.18));
  });
});

describe('suggestClusters: performance', () => {
  it('2,000 notes in about a second of CPU (the figures are printed)', () => {
    // Each generated note is a fixture note (nine languages) with a random suffix and, sometimes,
    // a typo: a duplicate-heavy worst case (every text repeated ~6 times, so the graph is dense).
    const pool = [...LABELLED_NOTES, ...HELD_OUT_NOTES, ...DEV_NOTES, ...HELD_OUT_NOTES_ML];
    const suffixes = [
      '',
      ' urgent',
      ' pilot',
      ' ทดลอง',
      ' ด่วน',
      ' for all ministries',
      ' ทุกจังหวัด',
      ' by 2027',
      ' segera',
      ' khẩn cấp',
      ' ជាបន្ទាន់',
      ' ภายในปี 2570',
    ];
    let seed = 42;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const gen: SuggestNote[] = Array.from({ length: 2000 }, (_, i) => {
      let text = pool[Math.floor(rnd() * pool.length)]!.text + suffixes[Math.floor(rnd() * suffixes.length)]!;
      if (rnd() < 0.3) {
        const k = Math.floor(rnd() * text.length);
        text = text.slice(0, k) + text.slice(k + 1);
      }
      return { id: `g${String(i).padStart(4, '0')}`, text, tableId: `t${i % 12}` };
    });
    suggestClusters(gen.slice(0, 50)); // warm up the segmenter and the concept map
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const s = suggestClusters(gen);
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    const cpuMs = (used.user + used.system) / 1000;
    console.info(`[harvest] 2,000 notes: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${s.length} suggestions`);
    expect(s.length).toBeGreaterThan(10);
    // The target is 1 s. On this project's shared two-core machine the wall time swings with the
    // load (540–800 ms with a few other jobs, over 2 s with a dozen), so the bound is on the CPU
    // time this worker spent (measured 650–900 ms, including the garbage collector's threads),
    // with room for a slower CI machine; the wall time only has to stay out of hang territory.
    expect(cpuMs).toBeLessThan(2000);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});

describe('junk holds in every language, even written twice (sixth pass)', () => {
  // Questions to the facilitator, thanks, the room, lunch, Wi-Fi, slides: each written twice, as
  // two tablemates would, beside real notes; none of them may be grouped.
  const junk = [
    'Lunch ready na po ba?',
    'Saan ang CR?',
    'Can we have 5 more minutes?',
    'Who is our table facilitator?',
    'Nice session everyone!',
    'Mấy giờ kết thúc vậy ạ?',
    'Cho xin pass wifi',
    'Phòng họp lạnh quá',
    'Jam berapa selesai?',
    'Minta password wifi dong',
    'AC-nya terlalu dingin',
    'Makasih panitia',
    'Bilik sejuk sangat',
    'Boleh minta slaid?',
    'เลิกกี่โมงครับ',
    'ขอรหัสไวไฟหน่อย',
    'ห้องหนาวมาก',
    'ចប់ម៉ោងប៉ុន្មាន?',
    'បន្ទប់ត្រជាក់ពេក',
    'ຂໍລະຫັດໄວໄຟແດ່',
    'ຫ້ອງໜາວຫຼາຍ',
    'ဘယ်အချိန် ပြီးမလဲ',
    'အခန်း အရမ်းအေးတယ်',
    'Materi sesi nanti dikirim via email',
    'Where do we submit the worksheet?',
  ];
  const real = ['Move public services online', 'Protect whistle-blowers', 'More women directors', 'Flexible hours for parents'];
  const texts = [...junk, ...real, ...junk.map((t) => `${t}!`), ...real.map((t) => `${t}, please`)];
  const notes = texts.map((text, i) => ({ id: `n${String(i).padStart(3, '0')}`, text }));
  const grouped = new Set(suggestClusters(notes).flatMap((s) => s.noteIds));

  it.each(junk.map((t, i) => [t, i] as const))('%s is not grouped', (_text, i) => {
    expect(grouped.has(notes[i]!.id)).toBe(false);
    expect(grouped.has(notes[junk.length + real.length + i]!.id)).toBe(false);
  });

  it('the real notes written twice are grouped', () => {
    for (let k = 0; k < real.length; k++) expect(grouped.has(notes[junk.length + k]!.id)).toBe(true);
  });
});
