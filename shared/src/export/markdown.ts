// The report as Markdown (CommonMark + GFM tables). All user text goes through mdText/mdCell,
// which backslash-escape Markdown syntax and raw HTML, so a note cannot add headings, links,
// emphasis, table columns or <script> to the document.
import type { ChartFigure } from '../charts/figures';
import type { Report, ReportAmendment, ReportNote } from './report';
import { buildReport, type ReportOptions } from './report';
import type { WorkshopState } from '../cafe/model';

/** Characters escaped everywhere: emphasis, code, links, raw HTML, entities, tables, strikethrough. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** One line of user text made literal. */
function escapeLine(line: string): string {
  let s = line.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // leading whitespace would make an indented code block or continue a list
  s = s.replace(/^[ \t]+/, '');
  // block syntax at the start of a line: headings, quotes (> already escaped), list markers,
  // setext underlines and thematic breaks
  s = s.replace(/^([#+=-])/, '\\$1');
  s = s.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return s;
}

/** User text in a paragraph or list item: literal, line breaks kept as hard breaks. */
export function mdText(text: string, indent = ''): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l === '' ? '\u00a0' : l)).join(`\\\n${indent}`);
}

/** User text in a table cell: literal, on one line (line breaks become <br>). */
export function mdCell(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(escapeLine)
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1))
    .join('<br>');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

export function renderMarkdown(report: Report): string {
  const L = report.labels;
  const out: string[] = [];
  const para = (s: string) => out.push(s, '');
  const h = (level: number, s: string) => para(`${'#'.repeat(level)} ${s}`);
  const list = (items: string[]) => {
    if (items.length === 0) return para(L.none);
    para(items.map((i) => `- ${i}`).join('\n'));
  };
  const field = (label: string, value: string | null) => `**${label}:** ${value === null || value === '' ? L.notSet : mdText(value, '  ')}`;
  const noteLine = (n: ReportNote) => {
    const who = [n.author ? mdText(n.author) : '', n.delegationCode ? `(${mdText(n.delegationCode)})` : ''].filter(Boolean).join(' ');
    return `${mdText(n.text, '  ')}${who ? ` — *${who}*` : ''}`;
  };
  const sourceLine = (n: ReportNote) =>
    `${mdText(n.text, '  ')} — *${[mdText(n.table), `${L.round} ${n.round}`, n.delegation ? mdText(n.delegation) : null]
      .filter(Boolean)
      .join(', ')}*`;

  h(1, mdText(report.title));
  para(`*${L.reportKind}*`);

  // ---- overview
  h(2, L.overview);
  if (report.purpose.trim()) para(field(L.purpose, report.purpose));
  list([
    field(L.created, report.dates.created),
    field(L.planPeriod, report.dates.planPeriod),
    field(L.reviewOpened, report.dates.reviewOpened),
    field(L.reviewDeadline, report.dates.reviewDeadline),
    field(L.stage, report.stage),
  ]);

  // ---- who took part
  h(2, L.delegations);
  para(
    table(
      [L.delegation, L.code, L.participants],
      report.delegations.map((d) => [
        mdCell(d.name),
        mdCell(d.code),
        d.participants.map((p) => `${mdCell(p.name)} (${p.roleLabel})`).join('<br>') || L.notSet,
      ]),
    ),
  );

  // ---- framework
  h(2, L.framework);
  h(3, L.themes);
  list(report.themes.map((t) => `${mdText(t.name)}${t.tables.length ? ` — ${t.tables.map((n) => mdText(n)).join(', ')}` : ''}`));
  h(3, L.tables);
  para(
    table(
      [L.table, L.theme, L.question],
      report.tables.map((t) => [mdCell(t.name), mdCell(t.theme ?? L.noTheme), mdCell(t.question)]),
    ),
  );
  if (report.roundQuestions.length > 0) {
    h(3, L.roundQuestions);
    list(report.roundQuestions.map((q) => `**${L.round} ${q.round}:** ${mdText(q.question, '  ')}`));
  }

  // The charts of the PDF and Word reports, as the figures they draw (Markdown has no pictures of its own).
  const chart = (f: ChartFigure | null, withTable = true) => {
    if (!f) return;
    para(`**${mdText(f.title)}.** ${mdText(f.finding)}`);
    if (withTable)
      para(
        table(
          f.table.head.map(mdCell),
          f.table.rows.map((row) => row.map((c) => mdCell(String(c)))),
        ),
      );
  };

  // ---- conversations
  h(2, L.conversations);
  chart(report.charts.participation);
  chart(report.charts.delegations);
  for (const c of report.conversations) {
    h(3, `${mdText(c.table)}${c.theme ? ` — ${mdText(c.theme)}` : ''}`);
    if (c.question.trim()) para(field(L.question, c.question));
    for (const r of c.rounds) {
      h(4, `${L.round} ${r.round}`);
      if (r.question) para(field(L.question, r.question));
      if (r.notes.length === 0) para(`*${L.noNotes}*`);
      else list(r.notes.map(noteLine));
      if (r.summary) para(`> **${L.summary}** (${mdText(r.summary.by)}):\\\n> ${mdText(r.summary.text, '> ')}`);
      else para(`*${L.noSummary}*`);
    }
  }

  // ---- harvest
  h(2, L.harvest);
  h(3, L.clusters);
  if (report.clusters.length === 0) para(L.noClusters);
  for (const cl of report.clusters) {
    h(4, mdText(cl.name));
    list(cl.notes.map(sourceLine));
  }
  h(3, L.votes);
  if (report.votes.length === 0) para(L.noVotes);
  for (const v of report.votes) {
    h(4, `${v.title} (${v.statusLabel}; ${v.rules})`);
    if (!v.revealed) {
      para(`*${L.notRevealed}*`);
      continue;
    }
    // the results table below carries the chart's figures
    chart(report.charts.votes[v.id] ?? null, false);
    para(
      table(
        [L.rank, L.item, L.dots, L.byDelegation],
        v.results.map((r) => [
          String(r.rank),
          mdCell(r.label),
          String(r.dots),
          r.byDelegation.map((d) => `${mdCell(d.code)} ${d.dots}`).join(', '),
        ]),
      ),
    );
  }

  // ---- goals
  h(2, L.goals);
  if (report.goals.length === 0) para(L.noGoals);
  for (const g of report.goals) {
    h(3, `${g.number}. ${mdText(g.title)}`);
    list([field(L.theme, g.theme ?? L.noTheme), field(L.status, g.statusLabel)]);
    if (g.rationale.trim()) {
      para(`**${L.rationale}**`);
      para(mdText(g.rationale));
    }
    para(`**${L.objectives}**`);
    list(g.objectives.map((o) => mdText(o, '  ')));
    para(`**${L.actions}**`);
    if (g.actions.length === 0) para(L.none);
    else
      para(
        table(
          [L.action, L.leads, L.timeline],
          g.actions.map((a) => [mdCell(a.text), a.leads.map((d) => mdCell(d.name)).join(', ') || L.notSet, a.timeline]),
        ),
      );
    para(`**${L.indicators}**`);
    list(g.indicators.map((o) => mdText(o, '  ')));
    para(`**${L.sources}**`);
    list(g.sources.map(sourceLine));
    if (g.sourceClusters.length > 0) para(field(L.sourceClusters, g.sourceClusters.join(', ')));
  }

  // ---- review
  h(2, L.review);
  h(3, L.reviewStatus);
  list(report.review.delegations.map((d) => `${mdText(d.name)} (${mdText(d.code)}): ${d.complete ? L.complete : L.incomplete}`));
  h(3, L.matrix);
  // the stance chart's table adds the missing reviews per delegation to the matrix below
  chart(report.charts.review);
  if (report.review.matrix.length > 0 && report.review.delegations.length > 0)
    para(
      table(
        [L.goal, ...report.review.delegations.map((d) => mdCell(d.code))],
        report.review.matrix.map((row) => [
          `${row.number}. ${mdCell(row.goal)}`,
          ...row.cells.map((c) => (c.missing.length ? `${c.label} (${L.missing.toLowerCase()}: ${c.missing.join(', ')})` : c.label)),
        ]),
      ),
    );
  else para(L.none);
  h(3, L.nationalDetails);
  for (const g of report.review.details) {
    h(4, `${g.number}. ${mdText(g.goal)}`);
    if (g.entries.length === 0) para(`*${L.noReviews}*`);
    for (const e of g.entries) {
      h(5, `${mdText(e.delegation.name)} (${mdText(e.delegation.code)})`);
      list([
        `**${e.stanceLabel}**`,
        field(L.situation, e.situation),
        field(L.needs, e.needs),
        field(L.resources, e.resources),
        field(L.feasibility, e.feasibility === null ? null : String(e.feasibility)),
        field(L.partners, e.partners.join(', ')),
        field(L.comments, e.comments),
      ]);
    }
  }

  // ---- amendments
  h(2, L.amendments);
  const amendments = (title: string, items: ReportAmendment[]) => {
    h(3, title);
    if (items.length === 0) para(L.none);
    for (const a of items) {
      h(4, `${L.goal} ${a.goalNumber}: ${mdText(a.goal)}`);
      list([
        field(L.field, a.fieldLabel),
        field(L.proposedBy, `${a.proposedBy} (${a.delegation})`),
        ...(a.decidedOn ? [field(L.decided, a.decidedOn)] : []),
      ]);
      para(`**${L.before}:**\\\n${mdText(a.before)}`);
      para(`**${L.after}:**\\\n${mdText(a.after)}`);
    }
  };
  amendments(L.acceptedAmendments, report.amendments.accepted);
  amendments(L.openAmendments, report.amendments.open);

  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

export function exportMarkdown(state: WorkshopState, opts: ReportOptions = {}): string {
  return renderMarkdown(buildReport(state, opts));
}
