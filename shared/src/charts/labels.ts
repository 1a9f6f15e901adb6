// The words on the charts, in every language the reports speak. The client registers these same
// objects as its `charts` i18n module (client/src/i18n/*.charts.ts), so the board, the console and
// the exported report name things identically. Placeholders use i18next's {{name}} form.
import type { Locale } from '../export/report';

import type { ChartLabels } from './labelTypes';
import { CHART_LABELS_VI } from './labels.vi';
import { CHART_LABELS_ID } from './labels.id';
import { CHART_LABELS_MS } from './labels.ms';
import { CHART_LABELS_FIL } from './labels.fil';
import { CHART_LABELS_KM } from './labels.km';
import { CHART_LABELS_LO } from './labels.lo';
import { CHART_LABELS_MY } from './labels.my';

export type { ChartLabels };

const EN: ChartLabels = {
  dataTable: 'Data of the chart',
  showData: 'Show the figures',
  noDelegation: 'No delegation',
  total: 'Total',
  votes: {
    title: 'Dot-vote results: {{vote}}',
    desc: 'Bars show the dots each item received, split by delegation.',
    axis: 'Dots',
    item: 'Item',
    dots: 'Dots',
    byDelegation: 'By delegation',
    finding: '“{{item}}” leads with {{dots}} of {{total}} dots.',
    tie: '{{count}} items share the lead with {{dots}} of {{total}} dots.',
    empty: 'No dots were cast.',
  },
  participation: {
    title: 'Notes per table and round',
    desc: 'Each cell counts the notes written at a table in a round; darker means more.',
    table: 'Table',
    round: 'Round {{round}}',
    // worded without a plural ("1 notes"): counts stand in parentheses
    finding: 'Round {{round}} so far: fewest notes at {{table}} ({{count}}), most at {{busiest}} ({{max}}).',
    findingTotal: 'Over the café: fewest notes at {{table}} ({{count}}), most at {{busiest}} ({{max}}).',
    even: 'Every table has the same number of notes ({{count}}): none is quiet.',
    empty: 'No notes yet.',
    byDelegationTitle: 'Notes per delegation',
    byDelegationDesc: 'Bars show how many notes each delegation wrote.',
    delegation: 'Delegation',
    notes: 'Notes',
    people: 'People',
    delegationFinding: 'Fewest notes from {{delegation}} ({{count}}), most from {{busiest}} ({{max}}).',
  },
  seating: {
    title: 'Seating mix, round {{round}}',
    desc: 'Rows are delegations, columns tables; each cell counts that delegation’s people at that table.',
    table: 'Table',
    delegations: 'Delegations',
    finding: 'Round {{round}}: tables mix {{min}} to {{max}} delegations.',
    metFinding: 'Over {{rounds}} rounds each person meets {{min}} to {{max}} new people; {{repeats}} pairs meet again.',
    metTitle: 'New people each person meets',
    metDesc: 'Bars count the people who meet a given number of new people over the café.',
    metAxis: 'People',
    metRow: '{{n}} new',
    heading: 'Seating mix of the plan',
    person: 'Person',
    met: 'New people met',
    repeats: 'Repeat meetings',
    sameDelegation: 'Same-delegation pairs',
    noPlan: 'There is no seating plan yet.',
  },
  review: {
    title: 'Review stances',
    desc: 'Rows are goals, columns delegations; each cell shows the delegation’s stance, marked when parts are missing.',
    goal: 'Goal',
    stances: { supports: 'Supports', amend: 'Amend', reservations: 'Reservations', na: 'Not applicable' },
    short: { supports: 'S', amend: 'A', reservations: 'R', na: 'NA', none: '–' },
    notReviewed: 'Not reviewed',
    incomplete: 'Incomplete',
    incompleteMark: '!',
    missingRow: 'Missing',
    finding: '{{complete}} of {{total}} delegations have completed their review; most missing: {{delegation}} ({{count}}).',
    allDone: 'All {{total}} delegations have completed their review.',
    empty: 'No goals or no reviewing delegations yet.',
  },
};

const TH: ChartLabels = {
  dataTable: 'ข้อมูลของแผนภูมิ',
  showData: 'แสดงตัวเลข',
  noDelegation: 'ไม่สังกัดคณะผู้แทน',
  total: 'รวม',
  votes: {
    title: 'ผลการลงคะแนนด้วยจุด: {{vote}}',
    desc: 'แท่งแสดงจำนวนจุดที่แต่ละรายการได้รับ แยกตามคณะผู้แทน',
    axis: 'จุด',
    item: 'รายการ',
    dots: 'จุด',
    byDelegation: 'แยกตามคณะผู้แทน',
    finding: '“{{item}}” ได้คะแนนสูงสุด {{dots}} จาก {{total}} จุด',
    tie: '{{count}} รายการได้คะแนนสูงสุดเท่ากันที่ {{dots}} จาก {{total}} จุด',
    empty: 'ยังไม่มีการลงคะแนน',
  },
  participation: {
    title: 'จำนวนบันทึกต่อโต๊ะและรอบ',
    desc: 'แต่ละช่องนับบันทึกที่เขียนที่โต๊ะหนึ่งในรอบหนึ่ง สีเข้มหมายถึงมากกว่า',
    table: 'โต๊ะ',
    round: 'รอบที่ {{round}}',
    finding: 'เงียบที่สุดในรอบที่ {{round}}: {{table}} มี {{count}} บันทึก (มากที่สุด: {{busiest}}, {{max}})',
    findingTotal: 'โต๊ะที่เงียบที่สุดตลอดคาเฟ่: {{table}} มี {{count}} บันทึก (มากที่สุด: {{busiest}}, {{max}})',
    even: 'ทุกโต๊ะมี {{count}} บันทึก ไม่มีโต๊ะใดเงียบ',
    empty: 'ยังไม่มีบันทึก',
    byDelegationTitle: 'จำนวนบันทึกต่อคณะผู้แทน',
    byDelegationDesc: 'แท่งแสดงจำนวนบันทึกที่แต่ละคณะผู้แทนเขียน',
    delegation: 'คณะผู้แทน',
    notes: 'บันทึก',
    people: 'คน',
    delegationFinding: 'คณะผู้แทนที่เงียบที่สุด: {{delegation}} มี {{count}} บันทึก (มากที่สุด: {{busiest}}, {{max}})',
  },
  seating: {
    title: 'การคละที่นั่ง รอบที่ {{round}}',
    desc: 'แถวคือคณะผู้แทน คอลัมน์คือโต๊ะ แต่ละช่องนับจำนวนคนของคณะผู้แทนนั้นที่โต๊ะนั้น',
    table: 'โต๊ะ',
    delegations: 'คณะผู้แทน',
    finding: 'รอบที่ {{round}}: แต่ละโต๊ะมีคณะผู้แทน {{min}} ถึง {{max}} คณะ',
    metFinding: 'ตลอด {{rounds}} รอบ แต่ละคนได้พบคนใหม่ {{min}} ถึง {{max}} คน มี {{repeats}} คู่ที่พบกันซ้ำ',
    metTitle: 'จำนวนคนใหม่ที่แต่ละคนได้พบ',
    metDesc: 'แท่งนับจำนวนคนที่ได้พบคนใหม่ตามจำนวนที่กำหนดตลอดคาเฟ่',
    metAxis: 'คน',
    metRow: 'ใหม่ {{n}} คน',
    heading: 'การคละที่นั่งตามแผน',
    person: 'ผู้เข้าร่วม',
    met: 'จำนวนคนใหม่ที่ได้พบ',
    repeats: 'การพบกันซ้ำ',
    sameDelegation: 'คู่จากคณะผู้แทนเดียวกัน',
    noPlan: 'ยังไม่มีแผนการจัดที่นั่ง',
  },
  review: {
    title: 'จุดยืนในการทบทวน',
    desc: 'แถวคือเป้าหมาย คอลัมน์คือคณะผู้แทน แต่ละช่องแสดงจุดยืนของคณะผู้แทน และทำเครื่องหมายเมื่อข้อมูลยังไม่ครบ',
    goal: 'เป้าหมาย',
    stances: { supports: 'สนับสนุน', amend: 'ขอแก้ไข', reservations: 'มีข้อสงวน', na: 'ไม่เกี่ยวข้อง' },
    short: { supports: 'ส', amend: 'ก', reservations: 'ข', na: 'ม', none: '–' },
    notReviewed: 'ยังไม่ได้ทบทวน',
    incomplete: 'ยังไม่ครบ',
    incompleteMark: '!',
    missingRow: 'ยังขาด',
    finding: 'คณะผู้แทน {{complete}} จาก {{total}} คณะทบทวนครบแล้ว ยังขาดมากที่สุด: {{delegation}} ({{count}})',
    allDone: 'คณะผู้แทนทั้ง {{total}} คณะทบทวนครบแล้ว',
    empty: 'ยังไม่มีเป้าหมายหรือคณะผู้แทนที่ต้องทบทวน',
  },
};

export const CHART_LABELS: Record<Locale, ChartLabels> = {
  en: EN,
  th: TH,
  vi: CHART_LABELS_VI,
  id: CHART_LABELS_ID,
  ms: CHART_LABELS_MS,
  fil: CHART_LABELS_FIL,
  km: CHART_LABELS_KM,
  lo: CHART_LABELS_LO,
  my: CHART_LABELS_MY,
};

/** Fills {{name}} placeholders (the i18next form, so the same strings serve the client). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
