// The data export: one CSV file per record table (notes, summaries, clusters, votes, goals,
// actions, reviews, amendments), for a secretariat's spreadsheet. UTF-8 with a byte-order mark
// (so Excel reads Thai correctly), CRLF line ends and RFC 4180 quoting. Text cells that a
// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, or their
// full-width forms) are prefixed with a single quote, following the OWASP CSV-injection guidance.
// Headers are stable English column names whatever the report locale.
import type { Note, WorkshopState } from '../cafe/model';
import { reviewKey } from '../cafe/model';
import { incompleteDelegations, reviewingDelegations } from '../review/matrix';
import { ranked } from '../harvest/votes';

export interface CsvFile {
  filename: string;
  content: string;
}

export type CsvValue = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';

/** = + - @ tab CR, and the full-width = + - @ some spreadsheets also accept. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes a quote to text a spreadsheet would otherwise evaluate as a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: text neutralised then quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const s = neutraliseCell(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

const iso = (ms: number | null | undefined) => (ms && Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '');
const byCreated = (a: Note, b: Note) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function exportCsv(state: WorkshopState): CsvFile[] {
  const delegation = (id: string | null | undefined) => (id ? state.delegations[id] : undefined);
  const code = (id: string | null | undefined) => (id ? (delegation(id)?.code ?? id) : '');
  const dname = (id: string | null | undefined) => (id ? (delegation(id)?.name ?? id) : '');
  const person = (id: string | null | undefined) => (id ? (state.participants[id]?.name ?? id) : '');
  const table = (id: string) => state.tables[id]?.name ?? id;
  const theme = (id: string | null | undefined) => (id ? (state.themes[id]?.name ?? id) : '');
  const goalIds = state.goalOrder.filter((id) => state.goals[id]);
  const goalNo = new Map(goalIds.map((id, i) => [id, i + 1]));
  const tableRank = new Map(state.tableOrder.map((id, i) => [id, i]));
  const notes = Object.values(state.notes).sort(
    (a, b) => (tableRank.get(a.tableId) ?? 1e9) - (tableRank.get(b.tableId) ?? 1e9) || a.round - b.round || byCreated(a, b),
  );

  const files: CsvFile[] = [];

  files.push({
    filename: 'notes.csv',
    content: toCsv(
      [
        'note_id',
        'table_id',
        'table',
        'theme',
        'round',
        'text',
        'author',
        'delegation_code',
        'delegation',
        'color',
        'created_at',
        'edited_at',
      ],
      notes.map((n) => [
        n.id,
        n.tableId,
        table(n.tableId),
        theme(state.tables[n.tableId]?.themeId),
        n.round,
        n.text,
        person(n.authorId),
        code(n.delegationId),
        dname(n.delegationId),
        n.color,
        iso(n.createdAt),
        iso(n.editedAt),
      ]),
    ),
  });

  const summaries = Object.values(state.summaries).sort(
    (a, b) => (tableRank.get(a.tableId) ?? 1e9) - (tableRank.get(b.tableId) ?? 1e9) || a.round - b.round,
  );
  files.push({
    filename: 'summaries.csv',
    content: toCsv(
      ['table_id', 'table', 'round', 'summary', 'written_by', 'written_at'],
      summaries.map((s) => [s.tableId, table(s.tableId), s.round, s.text, person(s.by), iso(s.at)]),
    ),
  });

  const h = state.harvest;
  files.push({
    filename: 'clusters.csv',
    content: toCsv(
      ['cluster_id', 'cluster', 'note_id', 'note', 'table', 'round', 'delegation_code'],
      h.clusterOrder.flatMap((cid) => {
        const c = h.clusters[cid];
        if (!c) return [];
        if (c.noteIds.length === 0) return [[c.id, c.name, '', '', '', '', '']];
        return c.noteIds.map((nid) => {
          const n = state.notes[nid];
          return [c.id, c.name, nid, n?.text ?? '', n ? table(n.tableId) : '', n?.round ?? '', code(n?.delegationId)];
        });
      }),
    ),
  });

  const itemLabel = (kind: string, id: string) =>
    kind === 'cluster' ? (h.clusters[id]?.name ?? id) : kind === 'goal' ? (state.goals[id]?.title ?? id) : (state.notes[id]?.text ?? id);
  files.push({
    filename: 'votes.csv',
    content: toCsv(
      ['vote_id', 'kind', 'status', 'per', 'budget', 'revealed', 'rank', 'item_id', 'item', 'dots', 'dots_by_delegation'],
      h.voteOrder.flatMap((vid) => {
        const v = h.votes[vid];
        if (!v) return [];
        const base = [v.id, v.kind, v.status, v.per, v.budget, v.results !== null];
        if (!v.results) return [[...base, '', '', '', '', '']];
        let rank = 0;
        let prev = Number.NaN;
        return ranked(v).map(({ item, dots }, i) => {
          if (dots !== prev) rank = i + 1;
          prev = dots;
          const by = Object.entries(v.results?.byDelegation[item] ?? {})
            .filter(([, n]) => n > 0)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([d, n]) => `${d === '-' ? '-' : code(d)}:${n}`)
            .join('; ');
          return [...base, rank, item, itemLabel(v.kind, item), dots, by];
        });
      }),
    ),
  });

  files.push({
    filename: 'goals.csv',
    content: toCsv(
      [
        'goal_no',
        'goal_id',
        'title',
        'theme',
        'status',
        'rationale',
        'objectives',
        'indicators',
        'actions',
        'source_note_ids',
        'source_clusters',
        'updated_at',
      ],
      goalIds.map((id) => {
        const g = state.goals[id]!;
        return [
          goalNo.get(id),
          id,
          g.title,
          theme(g.themeId),
          g.status,
          g.rationale,
          g.objectives.map((o) => o.text).join('\n'),
          g.indicators.map((o) => o.text).join('\n'),
          g.actions.length,
          g.sources.noteIds.join(' '),
          g.sources.clusterIds.map((c) => h.clusters[c]?.name ?? c).join('; '),
          iso(g.updatedAt),
        ];
      }),
    ),
  });

  files.push({
    filename: 'actions.csv',
    content: toCsv(
      ['goal_no', 'goal_id', 'goal', 'action_id', 'action', 'lead_codes', 'leads', 'start_year', 'end_year'],
      goalIds.flatMap((id) => {
        const g = state.goals[id]!;
        return g.actions.map((a) => [
          goalNo.get(id),
          id,
          g.title,
          a.id,
          a.text,
          a.leads.map(code).join('; '),
          a.leads.map(dname).join('; '),
          a.start,
          a.end,
        ]);
      }),
    ),
  });

  const incomplete = new Set(incompleteDelegations(state));
  const reviewing = new Set(reviewingDelegations(state));
  files.push({
    filename: 'reviews.csv',
    content: toCsv(
      [
        'goal_no',
        'goal_id',
        'goal',
        'delegation_code',
        'delegation',
        'stance',
        'situation',
        'needs',
        'resources',
        'feasibility',
        'partners',
        'comments',
        'updated_by',
        'updated_at',
        'delegation_review_complete',
      ],
      goalIds.flatMap((gid) =>
        Object.keys(state.delegations)
          .map((d) => state.review.entries[reviewKey(gid, d)])
          .filter((e) => e !== undefined)
          .map((e) => [
            goalNo.get(gid),
            gid,
            state.goals[gid]!.title,
            code(e.delegationId),
            dname(e.delegationId),
            e.stance ?? '',
            e.situation,
            e.needs,
            e.resources,
            e.feasibility,
            e.partners.map(code).join('; '),
            e.comments,
            person(e.updatedBy),
            iso(e.updatedAt),
            reviewing.has(e.delegationId) && !incomplete.has(e.delegationId),
          ]),
      ),
    ),
  });

  files.push({
    filename: 'amendments.csv',
    content: toCsv(
      [
        'amendment_id',
        'goal_no',
        'goal_id',
        'goal',
        'delegation_code',
        'field',
        'status',
        'base_text',
        'proposed',
        'replaced',
        'proposed_by',
        'proposed_at',
        'decided_at',
      ],
      state.review.amendmentOrder
        .map((id) => state.review.amendments[id])
        .filter((a) => a !== undefined)
        .map((a) => [
          a.id,
          goalNo.get(a.goalId) ?? '',
          a.goalId,
          state.goals[a.goalId]?.title ?? '',
          code(a.delegationId),
          a.field,
          a.status,
          a.baseText,
          a.proposed,
          a.replaced,
          person(a.by),
          iso(a.at),
          iso(a.decidedAt),
        ]),
    ),
  });

  return files;
}
