// The outcome report as data: everything a secretariat circulates after a café (who took part,
// what each table said round by round, the harvest, the goals with their sources, the delegations'
// review and the amendments), resolved to display strings and in display order. Pure: no I/O and
// no clock, so the same state and locale always give the same report. The renderers (Markdown,
// HTML, Word) only lay it out; the report's own headings come from the label dictionary below.
import type { AmendableField, GoalStatus, Note, Phase, Role, Stance, VoteKind, WorkshopState } from '../cafe/model';
import { reviewKey, summaryKey } from '../cafe/model';
import { type MissingPart, incompleteDelegations, missingParts, reviewMatrix, reviewingDelegations } from '../review/matrix';
import { ranked } from '../harvest/votes';
import { CHART_LABELS } from '../charts/labels';
import { type ChartFigure, delegationActivityFigure, participationFigure, reviewFigure, voteFigure } from '../charts/figures';

import { VI } from './labels/vi';
import { ID } from './labels/id';
import { MS } from './labels/ms';
import { FIL } from './labels/fil';
import { KM } from './labels/km';
import { LO } from './labels/lo';
import { MY } from './labels/my';

/** The report's languages: the interface's nine (labels of the seven beyond Thai in labels/). */
export const REPORT_LOCALES = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my'] as const;
export type Locale = (typeof REPORT_LOCALES)[number];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (REPORT_LOCALES as readonly string[]).includes(v);
}

export interface ReportLabels {
  reportKind: string;
  /** Heading of the table of contents. */
  contents: string;
  /** Running footer; {page} and {pages} are filled in by the renderer (Chromium's or Word's fields). */
  pageOf: string;
  overview: string;
  purpose: string;
  dates: string;
  created: string;
  reviewOpened: string;
  reviewDeadline: string;
  planPeriod: string;
  stage: string;
  phases: Record<Phase, string>;
  delegations: string;
  delegation: string;
  code: string;
  participants: string;
  participant: string;
  role: string;
  roles: Record<Role, string>;
  noDelegation: string;
  framework: string;
  themes: string;
  theme: string;
  tables: string;
  table: string;
  question: string;
  noTheme: string;
  roundQuestions: string;
  conversations: string;
  round: string;
  notes: string;
  note: string;
  author: string;
  summary: string;
  noNotes: string;
  noSummary: string;
  harvest: string;
  clusters: string;
  cluster: string;
  noClusters: string;
  votes: string;
  noVotes: string;
  voteOn: Record<VoteKind, string>;
  voteOpen: string;
  voteClosed: string;
  perParticipant: string;
  perDelegation: string;
  dotsEach: string;
  rank: string;
  item: string;
  dots: string;
  byDelegation: string;
  notRevealed: string;
  goals: string;
  goal: string;
  noGoals: string;
  status: string;
  statuses: Record<GoalStatus, string>;
  rationale: string;
  objectives: string;
  actions: string;
  action: string;
  indicators: string;
  leads: string;
  timeline: string;
  sources: string;
  sourceClusters: string;
  review: string;
  reviewStatus: string;
  complete: string;
  incomplete: string;
  matrix: string;
  stances: Record<Stance, string>;
  notReviewed: string;
  missing: string;
  missingParts: Record<MissingPart, string>;
  nationalDetails: string;
  situation: string;
  needs: string;
  resources: string;
  feasibility: string;
  partners: string;
  comments: string;
  noReviews: string;
  amendments: string;
  acceptedAmendments: string;
  openAmendments: string;
  field: string;
  fields: Record<AmendableField, string>;
  before: string;
  after: string;
  proposedBy: string;
  decided: string;
  none: string;
  notSet: string;
  months: readonly string[];
  /** How a date reads: {d} day, {month} a name from months, {y} year (default "{d} {month} {y}"). */
  datePattern?: string;
}

const EN: ReportLabels = {
  reportKind: 'World Café outcome report',
  contents: 'Contents',
  pageOf: 'Page {page} of {pages}',
  overview: 'Overview',
  purpose: 'Purpose',
  dates: 'Dates',
  created: 'Workshop created',
  reviewOpened: 'Review opened',
  reviewDeadline: 'Review deadline',
  planPeriod: 'Work-plan period',
  stage: 'Stage',
  phases: { setup: 'Setting up', cafe: 'Café', harvest: 'Harvest', review: 'Delegation review', closed: 'Closed' },
  delegations: 'Delegations and participants',
  delegation: 'Delegation',
  code: 'Code',
  participants: 'Participants',
  participant: 'Participant',
  role: 'Role',
  roles: { facilitator: 'Facilitator', host: 'Table host', delegate: 'Delegate', observer: 'Observer' },
  noDelegation: 'Without a delegation',
  framework: 'Framework and tables',
  themes: 'Themes',
  theme: 'Theme',
  tables: 'Tables',
  table: 'Table',
  question: 'Guiding question',
  noTheme: 'No theme',
  roundQuestions: 'Questions by round',
  conversations: 'Table conversations',
  round: 'Round',
  notes: 'Notes',
  note: 'Note',
  author: 'Author',
  summary: "Host's carry-forward summary",
  noNotes: 'No notes.',
  noSummary: 'No summary was written.',
  harvest: 'Harvest',
  clusters: 'Clusters',
  cluster: 'Cluster',
  noClusters: 'No clusters.',
  votes: 'Dot votes',
  noVotes: 'No votes.',
  voteOn: { cluster: 'Vote on clusters', note: 'Vote on notes', goal: 'Vote on goals' },
  voteOpen: 'open',
  voteClosed: 'closed',
  perParticipant: 'per participant',
  perDelegation: 'per delegation',
  dotsEach: 'dots',
  rank: 'Rank',
  item: 'Item',
  dots: 'Dots',
  byDelegation: 'By delegation',
  notRevealed: 'The results have not been revealed.',
  goals: 'Work-plan goals',
  goal: 'Goal',
  noGoals: 'No goals were drafted.',
  status: 'Status',
  statuses: { draft: 'Draft', proposed: 'Proposed', agreed: 'Agreed' },
  rationale: 'Rationale',
  objectives: 'Objectives',
  actions: 'Actions',
  action: 'Action',
  indicators: 'Indicators',
  leads: 'Lead',
  timeline: 'Timeline',
  sources: 'Sources',
  sourceClusters: 'Source clusters',
  review: 'Delegation review',
  reviewStatus: 'Review status',
  complete: 'complete',
  incomplete: 'incomplete',
  matrix: 'Review matrix',
  stances: { supports: 'Supports', amend: 'Amend', reservations: 'Reservations', na: 'Not applicable' },
  notReviewed: 'Not reviewed',
  missing: 'Missing',
  missingParts: { stance: 'stance', national: 'national details', feasibility: 'feasibility' },
  nationalDetails: 'National details',
  situation: 'Current situation',
  needs: 'Needs',
  resources: 'Resources',
  feasibility: 'Feasibility (1–5)',
  partners: 'Partners',
  comments: 'Comments',
  noReviews: 'No delegation has reviewed this goal yet.',
  amendments: 'Amendments',
  acceptedAmendments: 'Accepted amendments',
  openAmendments: 'Open amendments',
  field: 'Field',
  fields: { title: 'Title', rationale: 'Rationale' },
  before: 'Before',
  after: 'After',
  proposedBy: 'Proposed by',
  decided: 'Decided',
  none: 'None.',
  notSet: '—',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const TH: ReportLabels = {
  reportKind: 'รายงานผลการประชุมเวิลด์คาเฟ่',
  contents: 'สารบัญ',
  pageOf: 'หน้า {page} จาก {pages}',
  overview: 'ภาพรวม',
  purpose: 'วัตถุประสงค์',
  dates: 'วันที่',
  created: 'วันที่สร้างการประชุม',
  reviewOpened: 'วันที่เปิดการทบทวน',
  reviewDeadline: 'กำหนดส่งผลการทบทวน',
  planPeriod: 'ช่วงเวลาของแผนงาน',
  stage: 'ขั้นตอน',
  phases: { setup: 'เตรียมการ', cafe: 'คาเฟ่', harvest: 'ประมวลผล', review: 'การทบทวนของคณะผู้แทน', closed: 'ปิดแล้ว' },
  delegations: 'คณะผู้แทนและผู้เข้าร่วม',
  delegation: 'คณะผู้แทน',
  code: 'รหัส',
  participants: 'ผู้เข้าร่วม',
  participant: 'ผู้เข้าร่วม',
  role: 'บทบาท',
  roles: { facilitator: 'ผู้ดำเนินการ', host: 'เจ้าภาพโต๊ะ', delegate: 'ผู้แทน', observer: 'ผู้สังเกตการณ์' },
  noDelegation: 'ไม่สังกัดคณะผู้แทน',
  framework: 'กรอบประเด็นและโต๊ะ',
  themes: 'ประเด็น',
  theme: 'ประเด็น',
  tables: 'โต๊ะ',
  table: 'โต๊ะ',
  question: 'คำถามนำ',
  noTheme: 'ไม่มีประเด็น',
  roundQuestions: 'คำถามประจำรอบ',
  conversations: 'การสนทนาในแต่ละโต๊ะ',
  round: 'รอบที่',
  notes: 'บันทึก',
  note: 'บันทึก',
  author: 'ผู้เขียน',
  summary: 'สรุปของเจ้าภาพโต๊ะเพื่อส่งต่อ',
  noNotes: 'ไม่มีบันทึก',
  noSummary: 'ไม่มีการเขียนสรุป',
  harvest: 'การประมวลผล',
  clusters: 'กลุ่มความคิด',
  cluster: 'กลุ่มความคิด',
  noClusters: 'ไม่มีกลุ่มความคิด',
  votes: 'การลงคะแนนด้วยจุด',
  noVotes: 'ไม่มีการลงคะแนน',
  voteOn: { cluster: 'ลงคะแนนกลุ่มความคิด', note: 'ลงคะแนนบันทึก', goal: 'ลงคะแนนเป้าหมาย' },
  voteOpen: 'เปิดอยู่',
  voteClosed: 'ปิดแล้ว',
  perParticipant: 'ต่อผู้เข้าร่วม',
  perDelegation: 'ต่อคณะผู้แทน',
  dotsEach: 'จุด',
  rank: 'อันดับ',
  item: 'รายการ',
  dots: 'จุด',
  byDelegation: 'แยกตามคณะผู้แทน',
  notRevealed: 'ยังไม่ได้เปิดเผยผลการลงคะแนน',
  goals: 'เป้าหมายของแผนงาน',
  goal: 'เป้าหมาย',
  noGoals: 'ยังไม่มีการร่างเป้าหมาย',
  status: 'สถานะ',
  statuses: { draft: 'ร่าง', proposed: 'เสนอแล้ว', agreed: 'เห็นชอบแล้ว' },
  rationale: 'หลักการและเหตุผล',
  objectives: 'วัตถุประสงค์',
  actions: 'กิจกรรม',
  action: 'กิจกรรม',
  indicators: 'ตัวชี้วัด',
  leads: 'ผู้รับผิดชอบหลัก',
  timeline: 'ระยะเวลา',
  sources: 'ที่มา',
  sourceClusters: 'กลุ่มความคิดที่เป็นที่มา',
  review: 'การทบทวนของคณะผู้แทน',
  reviewStatus: 'สถานะการทบทวน',
  complete: 'ครบถ้วน',
  incomplete: 'ยังไม่ครบ',
  matrix: 'ตารางผลการทบทวน',
  stances: { supports: 'สนับสนุน', amend: 'ขอแก้ไข', reservations: 'มีข้อสงวน', na: 'ไม่เกี่ยวข้อง' },
  notReviewed: 'ยังไม่ได้ทบทวน',
  missing: 'ยังขาด',
  missingParts: { stance: 'จุดยืน', national: 'ข้อมูลระดับประเทศ', feasibility: 'ความเป็นไปได้' },
  nationalDetails: 'ข้อมูลระดับประเทศ',
  situation: 'สถานการณ์ปัจจุบัน',
  needs: 'ความต้องการ',
  resources: 'ทรัพยากร',
  feasibility: 'ความเป็นไปได้ (1–5)',
  partners: 'ประเทศที่จะร่วมมือ',
  comments: 'ความเห็น',
  noReviews: 'ยังไม่มีคณะผู้แทนใดทบทวนเป้าหมายนี้',
  amendments: 'ข้อเสนอแก้ไข',
  acceptedAmendments: 'ข้อเสนอแก้ไขที่ได้รับการยอมรับ',
  openAmendments: 'ข้อเสนอแก้ไขที่รอการพิจารณา',
  field: 'ส่วนที่แก้ไข',
  fields: { title: 'ชื่อเป้าหมาย', rationale: 'หลักการและเหตุผล' },
  before: 'เดิม',
  after: 'ใหม่',
  proposedBy: 'เสนอโดย',
  decided: 'วันที่ตัดสิน',
  none: 'ไม่มี',
  notSet: '—',
  months: ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
};

export const REPORT_LABELS: Record<Locale, ReportLabels> = { en: EN, th: TH, vi: VI, id: ID, ms: MS, fil: FIL, km: KM, lo: LO, my: MY };

/** A date in the report's language (UTC, so the same everywhere); Thai uses the Buddhist era. */
export function formatDate(ms: number | null, locale: Locale): string | null {
  if (ms === null || !Number.isFinite(ms) || ms <= 0) return null;
  const d = new Date(ms);
  const month = REPORT_LABELS[locale].months[d.getUTCMonth()];
  if (locale === 'th') return `${d.getUTCDate()} ${month} พ.ศ. ${d.getUTCFullYear() + 543}`;
  const pattern = REPORT_LABELS[locale].datePattern ?? '{d} {month} {y}';
  return pattern
    .replace('{d}', String(d.getUTCDate()))
    .replace('{month}', month ?? '')
    .replace('{y}', String(d.getUTCFullYear()));
}

/** True when the text contains Thai script (renderers mark such text as Thai for fonts and hyphenation). */
export function hasThai(text: string): boolean {
  return /[\u0E00-\u0E7F]/.test(text);
}

/** The scripts of the region that need a font and line breaking of their own, by Unicode block. */
export const SCRIPT_RANGES = {
  th: '\u0E00-\u0E7F',
  lo: '\u0E80-\u0EFF',
  km: '\u1780-\u17FF\u19E0-\u19FF',
  my: '\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F',
} as const;
export type Script = keyof typeof SCRIPT_RANGES;

const SCRIPTS = Object.keys(SCRIPT_RANGES) as Script[];
const SCRIPT_RE = new RegExp(SCRIPTS.map((k) => `([${SCRIPT_RANGES[k]}])`).join('|'), 'u');

/** The language tag of the first Thai, Lao, Khmer or Burmese letter in the text (null if none). */
export function scriptLang(text: string): Script | null {
  const m = SCRIPT_RE.exec(text);
  if (!m) return null;
  return SCRIPTS[m.slice(1).findIndex((g) => g !== undefined)] ?? null;
}

// ---------------------------------------------------------------- the model

export interface ReportNote {
  id: string;
  text: string;
  tableId: string;
  table: string;
  round: number;
  author: string;
  /** Delegation name, or null for a note by someone without one. */
  delegation: string | null;
  delegationCode: string | null;
}

export interface ReportDelegationRef {
  id: string;
  name: string;
  code: string;
}

export interface ReportAmendment {
  id: string;
  goalId: string;
  goalNumber: number;
  goal: string;
  delegation: string;
  field: AmendableField;
  fieldLabel: string;
  before: string;
  after: string;
  proposedBy: string;
  proposedOn: string | null;
  decidedOn: string | null;
}

export interface ReportReviewEntry {
  delegation: ReportDelegationRef;
  stance: Stance | null;
  stanceLabel: string;
  situation: string;
  needs: string;
  resources: string;
  feasibility: number | null;
  partners: string[];
  comments: string;
  missing: string[];
}

export interface ReportGoal {
  id: string;
  number: number;
  title: string;
  theme: string | null;
  status: GoalStatus;
  statusLabel: string;
  rationale: string;
  objectives: string[];
  actions: Array<{ text: string; leads: ReportDelegationRef[]; start: number; end: number; timeline: string }>;
  indicators: string[];
  sources: ReportNote[];
  sourceClusters: string[];
}

export interface Report {
  locale: Locale;
  labels: ReportLabels;
  title: string;
  purpose: string;
  stage: string;
  dates: {
    created: string | null;
    reviewOpened: string | null;
    reviewDeadline: string | null;
    planYears: { start: number; end: number };
    planPeriod: string;
  };
  delegations: Array<{
    id: string | null;
    name: string;
    code: string;
    participants: Array<{ name: string; role: Role; roleLabel: string }>;
  }>;
  themes: Array<{ id: string; name: string; tables: string[] }>;
  tables: Array<{ id: string; name: string; theme: string | null; question: string }>;
  roundQuestions: Array<{ round: number; question: string }>;
  conversations: Array<{
    tableId: string;
    table: string;
    theme: string | null;
    question: string;
    rounds: Array<{ round: number; question: string | null; notes: ReportNote[]; summary: { text: string; by: string } | null }>;
  }>;
  clusters: Array<{ id: string; name: string; notes: ReportNote[] }>;
  votes: Array<{
    id: string;
    kind: VoteKind;
    title: string;
    status: 'open' | 'closed';
    statusLabel: string;
    rules: string;
    revealed: boolean;
    results: Array<{
      rank: number;
      itemId: string;
      label: string;
      dots: number;
      byDelegation: Array<{ delegation: string; code: string; dots: number }>;
    }>;
  }>;
  goals: ReportGoal[];
  review: {
    delegations: Array<ReportDelegationRef & { complete: boolean }>;
    matrix: Array<{
      goalId: string;
      number: number;
      goal: string;
      cells: Array<{ delegationId: string; stance: Stance | null; label: string; missing: string[] }>;
    }>;
    details: Array<{ goalId: string; number: number; goal: string; entries: ReportReviewEntry[] }>;
  };
  amendments: { accepted: ReportAmendment[]; open: ReportAmendment[] };
  /** The charts, drawn for print (fixed palette); null where there is nothing to draw yet. */
  charts: ReportCharts;
}

export interface ReportCharts {
  participation: ChartFigure | null;
  delegations: ChartFigure | null;
  /** Revealed votes only, by vote id. */
  votes: Record<string, ChartFigure>;
  review: ChartFigure | null;
}

/** The report's charts: the same drawings as the screens, in print colours and the report's language. */
export function reportCharts(state: WorkshopState, locale: Locale, voteTitles: Record<string, string>): ReportCharts {
  const o = { mode: 'print' as const, labels: CHART_LABELS[locale], idPrefix: 'report' };
  const anyNotes = Object.keys(state.notes).length > 0;
  const votes: Record<string, ChartFigure> = {};
  for (const id of state.harvest.voteOrder) {
    const f = voteFigure(state, id, voteTitles[id] ?? id, o);
    if (f) votes[id] = f;
  }
  const review = state.goalOrder.length > 0 && reviewingDelegations(state).length > 0 ? reviewFigure(state, o) : null;
  return {
    participation: anyNotes ? participationFigure(state, o) : null,
    delegations: anyNotes ? delegationActivityFigure(state, o) : null,
    votes,
    review,
  };
}

export interface ReportOptions {
  locale?: Locale;
}

const byCreated = (a: Note, b: Note) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildReport(state: WorkshopState, opts: ReportOptions = {}): Report {
  const locale: Locale = opts.locale ?? (isLocale(state.language) ? state.language : 'en');
  const L = REPORT_LABELS[locale];
  const date = (ms: number | null) => formatDate(ms, locale);
  const years = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

  const personName = (id: string | null | undefined) => (id ? (state.participants[id]?.name ?? id) : '');
  const delegationRef = (id: string): ReportDelegationRef => {
    const d = state.delegations[id];
    return { id, name: d?.name ?? id, code: d?.code ?? id };
  };
  const themeName = (id: string | null) => (id ? (state.themes[id]?.name ?? null) : null);
  const tableName = (id: string) => state.tables[id]?.name ?? id;
  const noteRef = (n: Note): ReportNote => {
    const d = n.delegationId ? state.delegations[n.delegationId] : undefined;
    return {
      id: n.id,
      text: n.text,
      tableId: n.tableId,
      table: tableName(n.tableId),
      round: n.round,
      author: personName(n.authorId),
      delegation: n.delegationId ? (d?.name ?? n.delegationId) : null,
      delegationCode: n.delegationId ? (d?.code ?? n.delegationId) : null,
    };
  };
  const notesOf = (ids: readonly string[]) =>
    ids
      .map((id) => state.notes[id])
      .filter((n): n is Note => n !== undefined)
      .map(noteRef);

  // ---- who took part: delegations in the order they were set up, people by role then name
  const roleOrder: Record<Role, number> = { facilitator: 0, host: 1, delegate: 2, observer: 3 };
  const people = Object.values(state.participants).sort(
    (a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name) || a.joinedAt - b.joinedAt,
  );
  const person = (p: (typeof people)[number]) => ({ name: p.name, role: p.role, roleLabel: L.roles[p.role] });
  const delegations: Report['delegations'] = Object.values(state.delegations).map((d) => ({
    id: d.id,
    name: d.name,
    code: d.code,
    participants: people.filter((p) => p.delegationId === d.id).map(person),
  }));
  const unaffiliated = people.filter((p) => !p.delegationId || !state.delegations[p.delegationId]);
  if (unaffiliated.length > 0) delegations.push({ id: null, name: L.noDelegation, code: '', participants: unaffiliated.map(person) });

  // ---- framework
  const tableIds = state.tableOrder.filter((id) => state.tables[id]);
  const themes = state.themeOrder
    .filter((id) => state.themes[id])
    .map((id) => ({ id, name: state.themes[id]!.name, tables: tableIds.filter((t) => state.tables[t]!.themeId === id).map(tableName) }));
  const tables = tableIds.map((id) => {
    const t = state.tables[id]!;
    return { id, name: t.name, theme: themeName(t.themeId), question: t.question };
  });
  const roundQuestions = state.cafe.roundQuestions
    .map((question, i) => ({ round: i + 1, question }))
    .filter((q) => q.question.trim() !== '');

  // ---- conversations: every round that happened (or left a note or summary)
  const allNotes = Object.values(state.notes).sort(byCreated);
  const lastRound = Math.max(
    state.cafe.history.length,
    state.phase === 'setup' ? 0 : Math.min(state.round, state.cafe.rounds),
    ...allNotes.map((n) => n.round),
    ...Object.values(state.summaries).map((s) => s.round),
  );
  const roundQuestion = (r: number) => {
    if (state.cafe.questionMode === 'table') return null;
    return state.cafe.roundQuestions[r - 1]?.trim() || null;
  };
  const conversations: Report['conversations'] = tables.map((t) => {
    const rounds: Report['conversations'][number]['rounds'] = [];
    for (let r = 1; r <= lastRound; r++) {
      const s = state.summaries[summaryKey(t.id, r)];
      rounds.push({
        round: r,
        question: roundQuestion(r),
        notes: allNotes.filter((n) => n.tableId === t.id && n.round === r).map(noteRef),
        summary: s && s.text.trim() ? { text: s.text, by: personName(s.by) } : null,
      });
    }
    return { tableId: t.id, table: t.name, theme: t.theme, question: t.question, rounds };
  });

  // ---- harvest
  const h = state.harvest;
  const clusters = h.clusterOrder
    .filter((id) => h.clusters[id])
    .map((id) => ({ id, name: h.clusters[id]!.name, notes: notesOf(h.clusters[id]!.noteIds) }));
  const itemLabel = (kind: VoteKind, id: string) => {
    if (kind === 'cluster') return h.clusters[id]?.name ?? id;
    if (kind === 'goal') return state.goals[id]?.title ?? id;
    return state.notes[id]?.text ?? id;
  };
  const votes: Report['votes'] = h.voteOrder
    .map((id) => h.votes[id])
    .filter((v) => v !== undefined)
    .map((v) => {
      let rank = 0;
      let prev = Number.NaN;
      const results = ranked(v).map(({ item, dots }, i) => {
        if (dots !== prev) rank = i + 1; // ties share a rank
        prev = dots;
        const row = v.results?.byDelegation[item] ?? {};
        const byDelegation = Object.entries(row)
          .filter(([, n]) => n > 0)
          .map(([d, n]) =>
            d === '-'
              ? { delegation: L.noDelegation, code: '-', dots: n }
              : { delegation: delegationRef(d).name, code: delegationRef(d).code, dots: n },
          )
          .sort((a, b) => b.dots - a.dots || a.code.localeCompare(b.code));
        return { rank, itemId: item, label: itemLabel(v.kind, item), dots, byDelegation };
      });
      return {
        id: v.id,
        kind: v.kind,
        title: L.voteOn[v.kind],
        status: v.status,
        statusLabel: v.status === 'open' ? L.voteOpen : L.voteClosed,
        rules: `${v.budget} ${L.dotsEach} ${v.per === 'delegation' ? L.perDelegation : L.perParticipant}`,
        revealed: v.results !== null,
        results,
      };
    });

  // ---- goals
  const goalIds = state.goalOrder.filter((id) => state.goals[id]);
  const goalNumber = new Map(goalIds.map((id, i) => [id, i + 1]));
  const goals: ReportGoal[] = goalIds.map((id, i) => {
    const g = state.goals[id]!;
    return {
      id,
      number: i + 1,
      title: g.title,
      theme: themeName(g.themeId),
      status: g.status,
      statusLabel: L.statuses[g.status],
      rationale: g.rationale,
      objectives: g.objectives.map((o) => o.text),
      actions: g.actions.map((a) => ({
        text: a.text,
        leads: a.leads.map(delegationRef),
        start: a.start,
        end: a.end,
        timeline: years(a.start, a.end),
      })),
      indicators: g.indicators.map((o) => o.text),
      sources: notesOf(g.sources.noteIds),
      sourceClusters: g.sources.clusterIds.map((c) => h.clusters[c]?.name).filter((n): n is string => n !== undefined),
    };
  });

  // ---- review
  const reviewing = reviewingDelegations(state);
  const incomplete = new Set(incompleteDelegations(state));
  const missingLabels = (parts: MissingPart[]) => parts.map((p) => L.missingParts[p]);
  const rows = reviewMatrix(state);
  const matrix = state.goalOrder
    .map((goalId, i) => ({ goalId, row: rows[i] ?? [] }))
    .filter(({ goalId }) => state.goals[goalId])
    .map(({ goalId, row }) => ({
      goalId,
      number: goalNumber.get(goalId) ?? 0,
      goal: state.goals[goalId]!.title,
      cells: row.map((c) => ({
        delegationId: c.delegationId,
        stance: c.stance,
        label: c.stance ? L.stances[c.stance] : L.notReviewed,
        missing: c.stance ? missingLabels(c.missing) : [],
      })),
    }));
  const details = goalIds.map((goalId, i) => ({
    goalId,
    number: i + 1,
    goal: state.goals[goalId]!.title,
    entries: Object.keys(state.delegations)
      .map((d) => state.review.entries[reviewKey(goalId, d)])
      .filter((e) => e !== undefined)
      .map((e): ReportReviewEntry => ({
        delegation: delegationRef(e.delegationId),
        stance: e.stance,
        stanceLabel: e.stance ? L.stances[e.stance] : L.notReviewed,
        situation: e.situation,
        needs: e.needs,
        resources: e.resources,
        feasibility: e.feasibility,
        partners: e.partners.map((p) => delegationRef(p).name),
        comments: e.comments,
        missing: missingLabels(missingParts(e)),
      })),
  }));

  const amendment = (id: string): ReportAmendment | null => {
    const a = state.review.amendments[id];
    if (!a) return null;
    const goal = state.goals[a.goalId];
    const before = a.status === 'accepted' ? (a.replaced ?? a.baseText) : a.baseText;
    return {
      id,
      goalId: a.goalId,
      goalNumber: goalNumber.get(a.goalId) ?? 0,
      goal: goal?.title ?? a.goalId,
      delegation: delegationRef(a.delegationId).name,
      field: a.field,
      fieldLabel: L.fields[a.field],
      before,
      after: a.proposed,
      proposedBy: personName(a.by),
      proposedOn: date(a.at),
      decidedOn: date(a.decidedAt),
    };
  };
  const amendmentsWith = (status: 'accepted' | 'open') =>
    state.review.amendmentOrder
      .filter((id) => state.review.amendments[id]?.status === status)
      .map(amendment)
      .filter((a): a is ReportAmendment => a !== null);

  return {
    locale,
    labels: L,
    title: state.title,
    purpose: state.purpose,
    stage: L.phases[state.phase],
    dates: {
      created: date(state.createdAt),
      reviewOpened: date(state.review.openedAt),
      reviewDeadline: date(state.review.deadline),
      planYears: { ...state.planYears },
      planPeriod: years(state.planYears.start, state.planYears.end),
    },
    delegations,
    themes,
    tables,
    roundQuestions,
    conversations,
    clusters,
    votes,
    goals,
    review: {
      delegations: reviewing.map((d) => ({ ...delegationRef(d), complete: !incomplete.has(d) })),
      matrix,
      details,
    },
    amendments: { accepted: amendmentsWith('accepted'), open: amendmentsWith('open') },
    charts: reportCharts(state, locale, Object.fromEntries(votes.map((v, i) => [v.id, `${v.title} (${i + 1})`]))),
  };
}

export type PageLabelPart = { text: string } | { field: 'page' | 'pages' };

/**
 * A "Page {page} of {pages}" label cut into text and the two numbers, so each renderer puts its
 * own page-number mechanism in place ({page} first or last, as the language has it).
 */
export function pageLabelParts(label: string): PageLabelPart[] {
  const parts: PageLabelPart[] = [];
  for (const piece of label.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') parts.push({ field: 'page' });
    else if (piece === '{pages}') parts.push({ field: 'pages' });
    else if (piece) parts.push({ text: piece });
  }
  return parts;
}

export interface TocEntry {
  /** The anchor id of the section or goal. */
  id: string;
  label: string;
  level: 1 | 2;
}

/** The table of contents: every section, and every goal under "Goals". */
export function tableOfContents(report: Report): TocEntry[] {
  const L = report.labels;
  const entry = (id: string, label: string, level: 1 | 2 = 1): TocEntry => ({ id, label, level });
  return [
    entry('overview', L.overview),
    entry('framework', L.framework),
    entry('conversations', L.conversations),
    entry('harvest', L.harvest),
    entry('goals', L.goals),
    ...report.goals.map((g) => entry(goalAnchor(g.number), `${g.number}. ${g.title}`, 2)),
    entry('review', L.review),
    entry('national', L.nationalDetails),
    entry('amendments', L.amendments),
  ];
}

/** The anchor id of goal number n (contents links, PDF destinations). */
export const goalAnchor = (n: number): string => `goal-${n}`;
