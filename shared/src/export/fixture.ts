// A small workshop for the export tests, built through decide() like every fixture: the standard
// workshop plus hostile and Thai text in notes, a summary, a cluster, a revealed vote, a goal with
// actions, reviews and two amendments (one accepted, one open).
import type { WorkshopState } from '../cafe/model';
import { N, P, as, cmd, run, standardWorkshop, toPhase } from '../testing/fixtures';

export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","click me")',
  plus: '+1+2',
  minus: '-2',
  at: '@SUM(A1:A9)',
  tab: '\tindented',
  markup: '<script>alert("x")</script> a | b *bold* _it_ [link](http://x.example) `code` & ~~s~~',
  lines: 'first line\n# not a heading\n- not a list\n1. not numbered',
  thai: 'การพัฒนาข้าราชการ "ทดสอบ", ครับ',
} as const;

export const FIXTURE_GOAL_TITLE = 'Goal <b>one</b> | *bold*';
export const FIXTURE_THAI_SITUATION = 'มีระบบพัฒนาผู้บริหารระดับกลางอยู่แล้ว';

export function exportFixture(): WorkshopState {
  const fac = as(P.facilitator);
  let s = standardWorkshop('setup');
  const note = (id: string, tableId: string, text: string, by: string) =>
    (s = run(s, cmd({ type: 'note:create', noteId: id, tableId, text, color: 'blue', x: 1, y: 1 }), as(by)));
  note('n-formula', 't1', HOSTILE.formula, P.d1);
  note('n-plus', 't1', HOSTILE.plus, P.d1);
  note('n-minus', 't1', HOSTILE.minus, P.d1);
  note('n-at', 't1', HOSTILE.at, P.d1);
  note('n-tab', 't1', HOSTILE.tab, P.d1);
  note('n-markup', 't2', HOSTILE.markup, P.d2);
  note('n-lines', 't2', HOSTILE.lines, P.d2);
  note('n-thai', 't1', HOSTILE.thai, P.host);
  s = run(s, cmd({ type: 'summary:write', tableId: 't1', round: 1, text: 'สรุป: <i>ideas</i> carried forward' }), as(P.host));
  s = toPhase(s, 'harvest');
  s = run(s, cmd({ type: 'cluster:create', clusterId: 'c1', name: 'Cluster | one', noteIds: ['n-thai', N.d1, 'n-markup'] }), fac);
  s = run(s, cmd({ type: 'cluster:create', clusterId: 'c2', name: 'Second', noteIds: [N.d2] }), fac);
  s = run(s, cmd({ type: 'vote:open', voteId: 'v1', kind: 'cluster', budget: 3, per: 'participant', maxPerItem: 3 }), fac);
  s = run(s, cmd({ type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }), as(P.d1));
  s = run(s, cmd({ type: 'vote:cast', voteId: 'v1', itemId: 'c1', delta: 1 }), as(P.d2));
  s = run(s, cmd({ type: 'vote:cast', voteId: 'v1', itemId: 'c2', delta: 1 }), as(P.d2));
  s = run(s, cmd({ type: 'vote:reveal', voteId: 'v1' }), fac);
  s = run(s, cmd({ type: 'vote:close', voteId: 'v1' }), fac);
  s = run(
    s,
    cmd({ type: 'goal:create', goalId: 'g1', title: FIXTURE_GOAL_TITLE, themeId: 'th1', clusterIds: ['c1'], noteIds: ['n-formula'] }),
    fac,
  );
  s = run(s, cmd({ type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Objective <one>' }), fac);
  s = run(
    s,
    cmd({
      type: 'goal:item-add',
      goalId: 'g1',
      list: 'actions',
      itemId: 'a1',
      text: '=cmd|calc',
      leads: ['thai', 'jp'],
      start: s.planYears.start,
      end: s.planYears.start + 2,
    }),
    fac,
  );
  s = run(s, cmd({ type: 'goal:item-add', goalId: 'g1', list: 'indicators', itemId: 'i1', text: 'ตัวชี้วัดที่หนึ่ง' }), fac);
  s = run(s, cmd({ type: 'goal:set-status', goalId: 'g1', status: 'proposed' }), fac);
  s = run(s, cmd({ type: 'goal:create', goalId: 'g2', title: 'Second goal', themeId: null, clusterIds: [], noteIds: [] }), fac);
  s = run(s, cmd({ type: 'review:open', deadline: null }), fac);
  s = run(
    s,
    cmd({
      type: 'review:record',
      goalId: 'g1',
      stance: 'supports',
      situation: FIXTURE_THAI_SITUATION,
      feasibility: 4,
      partners: ['jp'],
      comments: '@risk',
    }),
    as(P.d1),
  );
  s = run(s, cmd({ type: 'review:record', goalId: 'g1', stance: 'amend' }), as(P.d2));
  s = run(s, cmd({ type: 'amendment:propose', amendmentId: 'am1', goalId: 'g2', field: 'title', text: 'Second goal, sharper' }), as(P.d2));
  s = run(s, cmd({ type: 'amendment:decide', amendmentId: 'am1', accept: true }), fac);
  s = run(s, cmd({ type: 'amendment:propose', amendmentId: 'am2', goalId: 'g1', field: 'rationale', text: 'เหตุผลใหม่ <new>' }), as(P.d1));
  return s;
}
