import { describe, expect, it } from 'vitest';
import { buildIndex } from './similarity';
import { mergeSameTopic, moveOrDropSplitNotes, topicOf, topicsOf, type Graph, type Group } from './topics';

const indexOf = (texts: string[]) => buildIndex(texts.map((text, i) => ({ id: `n${i}`, text })));
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('topicsOf', () => {
  it.each<[string, string[], string[], string | null]>([
    // [name, notes, topic ids best first, label concept of the best]
    ['one topic in every language', ['Flood drills', 'ซ้อมรับมือน้ำท่วม', 'Diễn tập phòng chống thiên tai'], ['disaster'], 'disaster'],
    [
      'a facet counts for its topic (capacity → training)',
      ['Training courses', 'Capacity building', 'Nâng cao năng lực'],
      ['training'],
      'capacity',
    ],
    ['fewer than half: no topic', ['Training courses', 'Flood drills', 'Gender equality'], [], null],
    ['generic concepts name no topic', ['Civil servants of ASEAN', 'ข้าราชการอาเซียน'], [], null],
    [
      'a cross-cutting topic loses a tie (online training is training)',
      ['Online training', 'ฝึกอบรมออนไลน์'],
      ['training', 'digital'],
      'training',
    ],
    // where, with what and who are not what: local, data and senior executives are cross-cutting
    [
      'local government training is training',
      ['Training for local government staff', 'Training for LGU staff'],
      ['training', 'local'],
      'training',
    ],
    ['an open data portal is e-government', ['Open data portal', 'Government open data portal'], ['egov', 'data', 'digital'], 'egov'],
    [
      'senior officials declaring assets is integrity',
      ['Senior officials must declare their assets', 'Asset declaration for senior executives'],
      ['integrity', 'executives'],
      'integrity',
    ],
  ])('%s', (_name, texts, topics, concept) => {
    const index = indexOf(texts);
    expect(topicsOf(index, all(texts.length)).map((t) => t.id)).toEqual(topics);
    expect(topicOf(index, all(texts.length))?.concept ?? null).toBe(concept);
  });

  it('on a tie, the topic more common in the whole harvest wins', () => {
    // Notes 0–1 mention both disaster and local government; the room talks more about disasters.
    const index = indexOf(['Local government flood plans', 'แผนน้ำท่วมของท้องถิ่น', 'Typhoon drills', 'Earthquake response', 'ภัยพิบัติ']);
    expect(topicOf(index, [0, 1])?.id).toBe('disaster');
  });
});

describe('mergeSameTopic', () => {
  const texts = ['Training courses', 'ฝึกอบรม', 'Capacity building', 'ทักษะบุคลากร', 'Flood drills', 'น้ำท่วม', 'Đào tạo'];
  const index = indexOf(texts);
  // a complete graph with weight w between every two of the listed notes
  const graph = (w: number, edges: Array<[number, number]>): Graph => {
    const g = texts.map(() => new Map<number, number>());
    for (const [a, b] of edges) {
      g[a]!.set(b, w);
      g[b]!.set(a, w);
    }
    return g;
  };
  const g = graph(0.3, [
    [0, 1],
    [2, 3],
    [4, 5],
    [6, 0],
    [6, 1],
  ]);

  it('merges new groups with the same topic, keeps other topics apart', () => {
    const out = mergeSameTopic(
      index,
      g,
      [
        { members: [0, 1], locked: null },
        { members: [2, 3], locked: null },
        { members: [4, 5], locked: null },
      ],
      0.09,
    );
    expect(out.map((x) => x.members)).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
  });

  it('a new group about an existing cluster’s topic joins the cluster; clusters never merge', () => {
    const out = mergeSameTopic(
      index,
      g,
      [
        { members: [0, 1], locked: 'c1' },
        { members: [2, 3], locked: null },
        { members: [6], locked: 'c2' },
      ],
      0.09,
    );
    expect(out).toEqual([
      { members: [0, 1, 2, 3], locked: 'c1' },
      { members: [6], locked: 'c2' },
    ]);
  });

  it.each<[string, number, number[][]]>([
    [
      'similar enough: joins',
      0.09,
      [
        [0, 1, 6],
        [4, 5],
      ],
    ],
    // its only topic is the group's: that is the evidence, whatever the words
    [
      'about that topic only: joins even when not similar enough',
      0.5,
      [
        [0, 1, 6],
        [4, 5],
      ],
    ],
  ])('a note left alone with the group’s topic: %s', (_name, minJoin, expected) => {
    const out = mergeSameTopic(
      index,
      g,
      [
        { members: [0, 1], locked: null },
        { members: [4, 5], locked: null },
        { members: [6], locked: null },
      ],
      minJoin,
    );
    expect(out.map((x) => x.members)).toEqual(expected);
  });

  it('a note left alone about two topics joins a group of one of them only when similar enough', () => {
    const texts2 = ['Training courses', 'ฝึกอบรม', 'Flood drills', 'น้ำท่วม', 'Training for flood response'];
    const index2 = indexOf(texts2);
    expect(
      topicsOf(index2, [4])
        .map((t) => t.id)
        .sort(),
    ).toEqual(['disaster', 'training']);
    const g2 = texts2.map(() => new Map<number, number>());
    for (const [a, b] of [
      [0, 1],
      [2, 3],
      [4, 0],
      [4, 1],
    ] as Array<[number, number]>) {
      g2[a]!.set(b, 0.3);
      g2[b]!.set(a, 0.3);
    }
    const groups = [
      { members: [0, 1], locked: null },
      { members: [2, 3], locked: null },
      { members: [4], locked: null },
    ];
    expect(mergeSameTopic(index2, g2, groups, 0.5).map((x) => x.members)).toEqual([[0, 1], [2, 3], [4]]);
    expect(mergeSameTopic(index2, g2, groups, 0.09).map((x) => x.members)).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });

  it('a note left alone does not join a group of another topic however similar', () => {
    const out = mergeSameTopic(
      index,
      graph(0.9, [
        [4, 6],
        [5, 6],
        [4, 5],
      ]),
      [
        { members: [4, 5], locked: null },
        { members: [6], locked: null },
      ],
      0.09,
    );
    expect(out.map((x) => x.members)).toEqual([[4, 5], [6]]);
  });
});

describe('moveOrDropSplitNotes', () => {
  // notes 0–1 about training, 2–3 about disasters, 4 about both
  const texts = ['Training courses', 'ฝึกอบรม', 'Flood drills', 'น้ำท่วม', 'Training for flood response'];
  const index = indexOf(texts);
  const graph = (toTraining: number, toDisaster: number): Graph => {
    const g = texts.map(() => new Map<number, number>());
    const link = (a: number, b: number, w: number) => {
      g[a]!.set(b, w);
      g[b]!.set(a, w);
    };
    link(0, 1, 0.5);
    link(2, 3, 0.5);
    for (const t of [0, 1]) link(4, t, toTraining);
    for (const d of [2, 3]) link(4, d, toDisaster);
    return g;
  };
  const groups: Group[] = [
    { members: [0, 1, 4], locked: null },
    { members: [2, 3], locked: null },
  ];

  // [what, similarity of note 4 to the training notes, to the disaster notes, margin, groups after]
  it.each<[string, number, number, number, number[][]]>([
    [
      'closer to its own group: stays',
      0.3,
      0.1,
      2,
      [
        [0, 1, 4],
        [2, 3],
      ],
    ],
    [
      'as close to both: stays',
      0.2,
      0.2,
      2,
      [
        [0, 1, 4],
        [2, 3],
      ],
    ],
    [
      'closer to the other, but not by the margin: goes to neither',
      0.2,
      0.3,
      2,
      [
        [0, 1],
        [2, 3],
      ],
    ],
    [
      'at least margin times closer to the other: moves there',
      0.1,
      0.3,
      2,
      [
        [0, 1],
        [2, 3, 4],
      ],
    ],
    [
      'a margin of 1 moves whenever the other is closer',
      0.2,
      0.3,
      1,
      [
        [0, 1],
        [2, 3, 4],
      ],
    ],
  ])('%s', (_name, toTraining, toDisaster, margin, expected) => {
    expect(moveOrDropSplitNotes(index, graph(toTraining, toDisaster), groups, margin).map((g) => g.members)).toEqual(expected);
  });

  it('a note with one topic, a note whose other topic has no group, and an existing cluster are left alone', () => {
    const g = graph(0.1, 0.9);
    // note 2 (disasters only) in the training group stays: it names one topic
    expect(moveOrDropSplitNotes(index, g, [{ members: [0, 1, 2], locked: null }], 2).map((x) => x.members)).toEqual([[0, 1, 2]]);
    // no disaster group to go to: note 4 stays
    expect(moveOrDropSplitNotes(index, g, [{ members: [0, 1, 4], locked: null }], 2).map((x) => x.members)).toEqual([[0, 1, 4]]);
    // an existing cluster keeps what it has
    const locked: Group[] = [
      { members: [0, 1, 4], locked: 'c1' },
      { members: [2, 3], locked: null },
    ];
    expect(moveOrDropSplitNotes(index, g, locked, 2).map((x) => x.members)).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });

  it('the result does not depend on the order of the groups', () => {
    const g = graph(0.1, 0.3);
    const reversed = moveOrDropSplitNotes(index, g, [...groups].reverse(), 2).map((x) => x.members);
    expect(reversed).toEqual([
      [2, 3, 4],
      [0, 1],
    ]);
  });
});

describe('a note left alone with one topic besides cross-cutting ones', () => {
  it('joins the group of that topic even when its words meet none of the group’s', () => {
    const texts = ['Training courses', 'ฝึกอบรม', 'Capacity building for LGU staff'];
    const index = indexOf(texts);
    const g: Graph = texts.map(() => new Map<number, number>());
    (g[0] as Map<number, number>).set(1, 0.5);
    (g[1] as Map<number, number>).set(0, 0.5);
    const out = mergeSameTopic(
      index,
      g,
      [
        { members: [0, 1], locked: null },
        { members: [2], locked: null },
      ],
      0.09,
    );
    expect(out.map((x) => x.members)).toEqual([[0, 1, 2]]);
  });
});
