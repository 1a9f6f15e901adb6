// The report as one standalone, print-styled HTML document (A4; a title block and a table of
// contents, then the sections one after another, the review matrix on a landscape page; tables for
// the votes, actions and review matrix). It is what the PDF export prints in headless Chromium, and
// it opens on its own in a browser. No scripts and no external resources (links only point inside
// the document); every piece of user text is HTML-escaped (escapeHtml) and Thai text is marked
// lang="th" for fonts and line breaking.
// Sections flow on from each other instead of each starting a page: a forced break leaves the end
// of every short section as a near-empty page (issue 10). Only the landscape matrix gets pages of
// its own, because its page size differs.
import type { ChartFigure } from '../charts/figures';
import type { WorkshopState } from '../cafe/model';
import type { Report, ReportAmendment, ReportNote } from './report';
import { buildReport, goalAnchor, pageLabelParts, scriptLang, tableOfContents, type ReportOptions } from './report';

export { tableOfContents, type TocEntry } from './report';

export interface HtmlOptions {
  /**
   * The printed page of each contents entry, by anchor id. The PDF export learns them from a first
   * print (the anchors become named destinations) and prints again with them; without them the
   * contents list links only. The page-number column has a fixed width, so filling it in does not
   * move anything.
   */
  pages?: Readonly<Record<string, number>>;
}

/** The running header (meeting name, report kind and date) and footer ("Page X of Y") Chromium prints on every page. */
export function printHeaderFooter(report: Report): { headerTemplate: string; footerTemplate: string } {
  const L = report.labels;
  // Chromium renders these outside the document, at a default font size of 0: everything is set here.
  const box = (justify: string, inner: string) =>
    `<div style="font-family: ${FONT_STACK}; font-size: 8pt; color: #555; width: 100%; margin: 0 14mm; display: flex; justify-content: ${justify}; gap: 12pt; -webkit-print-color-adjust: exact;">${inner}</div>`;
  const kindAndDate = [L.reportKind, report.dates.created]
    .filter(Boolean)
    .map((x) => escapeHtml(x!))
    .join(' · ');
  const headerTemplate = box(
    'space-between',
    `<span${langAttr(report.title)} style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600;">${escapeHtml(
      report.title,
    )}</span><span style="white-space: nowrap;">${kindAndDate}</span>`,
  );
  const page = pageLabelParts(L.pageOf)
    .map((part) =>
      'text' in part ? escapeHtml(part.text) : `<span class="${part.field === 'page' ? 'pageNumber' : 'totalPages'}"></span>`,
    )
    .join('');
  const footerTemplate = box('center', `<span>${page}</span>`);
  return { headerTemplate, footerTemplate };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** lang="th"/"lo"/"km"/"my" for text in one of those scripts, so the browser picks its font and line breaking. */
function langAttr(text: string): string {
  const lang = scriptLang(text);
  return lang ? ` lang="${lang}"` : '';
}

/** User text: escaped, marked Thai (Lao, Khmer, Burmese) when it contains Thai script, line breaks kept by CSS. */
function u(text: string, cls = 'ut'): string {
  const lang = langAttr(text);
  return `<span class="${cls}"${lang}>${escapeHtml(text)}</span>`;
}

export const FONT_STACK =
  "'Noto Sans Thai', 'Noto Sans Khmer', 'Noto Sans Lao', 'Noto Sans Myanmar', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
@page wide { size: A4 landscape; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.5; color: #1b1f24; background: #fff; }
body { margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 12mm 14mm; } }
section { margin-top: 18pt; }
section.wide { page: wide; }
h1 { font-size: 22pt; line-height: 1.25; margin: 0 0 4pt; color: #0b3d6e; }
header.cover { border-bottom: 3px solid #0b3d6e; padding-bottom: 8pt; margin-bottom: 10pt; }
header.cover .kind { margin-bottom: 2pt; }
header.cover .when { margin: 0; color: #333; }
nav.toc h2 { font-size: 13pt; border-bottom: none; margin-bottom: 2pt; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li { margin: 0; }
nav.toc li.l2 { padding-left: 14pt; font-size: 9.5pt; }
nav.toc a { display: flex; align-items: baseline; gap: 4pt; color: inherit; text-decoration: none; }
nav.toc .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
nav.toc .leader { flex: 1 1 0; min-width: 12pt; border-bottom: 1px dotted #8a96a3; }
nav.toc .pg { flex: 0 0 2.5em; text-align: right; }
h2 { font-size: 16pt; margin: 0 0 8pt; padding-bottom: 3pt; border-bottom: 2px solid #0b3d6e; color: #0b3d6e; }
h3 { font-size: 13pt; margin: 14pt 0 4pt; color: #123; }
h4 { font-size: 11pt; margin: 10pt 0 3pt; }
h5 { font-size: 10.5pt; margin: 8pt 0 2pt; }
h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0 6pt; }
.kind { font-size: 12pt; color: #555; margin-bottom: 14pt; }
.ut { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: #666; font-style: italic; }
.meta { color: #555; font-size: 9pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 6pt 0 10pt; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ul { margin: 2pt 0 8pt; padding-left: 16pt; }
li { margin: 1pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9.5pt; }
th, td { border: 1px solid #b8c2cc; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #e8eef4; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
table.matrix { font-size: 8pt; table-layout: fixed; }
table.matrix td, table.matrix th { text-align: center; overflow-wrap: anywhere; hyphens: auto; padding: 3pt 2pt; }
table.matrix td.goal, table.matrix th:first-child { text-align: left; width: 21%; padding: 3pt 5pt; }
.s-supports { background: #e3f4e6; }
.s-amend { background: #fff4d6; }
.s-reservations { background: #fde3e1; }
.s-na { background: #eef0f2; }
.s-none { background: #fff; color: #595959; }
.missing { display: block; font-size: 7.5pt; color: #6b4500; }
.round { margin-left: 6pt; }
blockquote.summary { margin: 4pt 0 10pt; padding: 4pt 8pt; border-left: 3px solid #0b3d6e; background: #f3f6f9; }
.goal { break-inside: auto; margin-bottom: 12pt; }
.review-entry { border: 1px solid #d5dbe1; padding: 4pt 8pt; margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
.diff { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; margin: 4pt 0 10pt; }
.diff > div { border: 1px solid #d5dbe1; padding: 4pt 6pt; }
.diff .before { background: #fbeeee; }
.diff .after { background: #eef8ef; }
.amendment { break-inside: avoid; page-break-inside: avoid; }
figure.chart { break-inside: avoid; page-break-inside: avoid; margin: 6pt 0 12pt; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 9.5pt; margin-top: 3pt; }
`;

export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const L = report.labels;
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  const none = (text = L.none) => `<p class="muted">${escapeHtml(text)}</p>`;
  const fact = (label: string, value: string | null, user = false) =>
    `<dt>${escapeHtml(label)}</dt><dd>${value === null || value === '' ? escapeHtml(L.notSet) : user ? u(value) : escapeHtml(value)}</dd>`;
  const items = (list: string[]) => (list.length === 0 ? none() : `<ul>${list.map((i) => `<li>${i}</li>`).join('')}</ul>`);
  const noteItem = (n: ReportNote) => {
    const who = [n.author, n.delegationCode ? `(${n.delegationCode})` : ''].filter(Boolean).join(' ');
    return `${u(n.text)}${who ? ` <span class="meta">— ${u(who, 'who')}</span>` : ''}`;
  };
  const sourceItem = (n: ReportNote) => {
    const where = [n.table, `${L.round} ${n.round}`, n.delegation ?? ''].filter(Boolean).join(', ');
    return `${u(n.text)} <span class="meta">— ${u(where, 'where')}</span>`;
  };
  const table = (head: string[], rows: string[][], cls = '') =>
    `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.join('')}</tr>`)
      .join('')}</tbody></table>`;
  const td = (html: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${html}</td>`;

  push(`<!DOCTYPE html>`);
  push(`<html lang="${report.locale}">`);
  push(`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  push(`<title>${escapeHtml(report.title)} — ${escapeHtml(L.reportKind)}</title>`);
  // one main landmark around the whole report (axe: every part of a page inside a landmark)
  push(`<style>${CSS}</style></head><body><main>`);

  // ---- title block and contents
  push(`<header class="cover"><h1>${u(report.title, 'title')}</h1><p class="kind">${escapeHtml(L.reportKind)}</p>`);
  const when = [report.dates.created, report.dates.planPeriod ? `${L.planPeriod}: ${report.dates.planPeriod}` : ''].filter(Boolean);
  if (when.length) push(`<p class="when">${when.map((x) => escapeHtml(x!)).join(' · ')}</p>`);
  push(`</header>`);
  push(`<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${escapeHtml(L.contents)}</h2><ol>`);
  for (const e of tableOfContents(report)) {
    const page = opts.pages?.[e.id];
    push(
      `<li class="l${e.level}"><a href="#${e.id}"><span class="label">${u(e.label, 'name')}</span><span class="leader"></span><span class="pg">${page ?? ''}</span></a></li>`,
    );
  }
  push(`</ol></nav>`);

  // ---- overview
  push(`<section id="overview">`);
  push(`<h2>${escapeHtml(L.overview)}</h2>`);
  if (report.purpose.trim()) push(`<p><strong>${escapeHtml(L.purpose)}:</strong> ${u(report.purpose)}</p>`);
  push(
    `<dl class="facts">${[
      fact(L.created, report.dates.created),
      fact(L.planPeriod, report.dates.planPeriod),
      fact(L.reviewOpened, report.dates.reviewOpened),
      fact(L.reviewDeadline, report.dates.reviewDeadline),
      fact(L.stage, report.stage),
    ].join('')}</dl>`,
  );
  push(`<h3>${escapeHtml(L.delegations)}</h3>`);
  push(
    table(
      [escapeHtml(L.delegation), escapeHtml(L.code), escapeHtml(L.participants)],
      report.delegations.map((d) => [
        td(u(d.name)),
        td(escapeHtml(d.code)),
        td(
          d.participants.length
            ? d.participants.map((p) => `${u(p.name)} <span class="meta">(${escapeHtml(p.roleLabel)})</span>`).join('<br>')
            : escapeHtml(L.notSet),
        ),
      ]),
    ),
  );
  push(`</section>`);

  // ---- framework
  push(`<section id="framework"><h2>${escapeHtml(L.framework)}</h2>`);
  push(`<h3>${escapeHtml(L.themes)}</h3>`);
  push(
    items(
      report.themes.map(
        (t) => `${u(t.name)}${t.tables.length ? ` <span class="meta">— ${t.tables.map((n) => u(n)).join(', ')}</span>` : ''}`,
      ),
    ),
  );
  push(`<h3>${escapeHtml(L.tables)}</h3>`);
  push(
    table(
      [escapeHtml(L.table), escapeHtml(L.theme), escapeHtml(L.question)],
      report.tables.map((t) => [td(u(t.name)), td(t.theme ? u(t.theme) : escapeHtml(L.noTheme)), td(u(t.question))]),
    ),
  );
  if (report.roundQuestions.length > 0) {
    push(`<h3>${escapeHtml(L.roundQuestions)}</h3>`);
    push(items(report.roundQuestions.map((q) => `<strong>${escapeHtml(L.round)} ${q.round}:</strong> ${u(q.question)}`)));
  }
  push(`</section>`);

  // ---- conversations
  push(`<section id="conversations"><h2>${escapeHtml(L.conversations)}</h2>`);
  push(chart(report.charts.participation));
  push(chart(report.charts.delegations));
  for (const c of report.conversations) {
    push(`<h3>${u(c.table, 'name')}${c.theme ? ` — ${u(c.theme, 'name')}` : ''}</h3>`);
    if (c.question.trim()) push(`<p><strong>${escapeHtml(L.question)}:</strong> ${u(c.question)}</p>`);
    for (const r of c.rounds) {
      push(`<div class="round"><h4>${escapeHtml(L.round)} ${r.round}</h4>`);
      if (r.question) push(`<p><strong>${escapeHtml(L.question)}:</strong> ${u(r.question)}</p>`);
      push(r.notes.length ? items(r.notes.map(noteItem)) : none(L.noNotes));
      if (r.summary)
        push(
          `<blockquote class="summary"><strong>${escapeHtml(L.summary)}</strong> <span class="meta">(${u(r.summary.by, 'who')})</span><br>${u(r.summary.text)}</blockquote>`,
        );
      else push(none(L.noSummary));
      push(`</div>`);
    }
  }
  push(`</section>`);

  // ---- harvest
  push(`<section id="harvest"><h2>${escapeHtml(L.harvest)}</h2>`);
  push(`<h3>${escapeHtml(L.clusters)}</h3>`);
  if (report.clusters.length === 0) push(none(L.noClusters));
  for (const cl of report.clusters) {
    push(`<h4>${u(cl.name, 'name')}</h4>`);
    push(items(cl.notes.map(sourceItem)));
  }
  push(`<h3>${escapeHtml(L.votes)}</h3>`);
  if (report.votes.length === 0) push(none(L.noVotes));
  for (const v of report.votes) {
    push(`<h4>${escapeHtml(v.title)} <span class="meta">(${escapeHtml(v.statusLabel)}; ${escapeHtml(v.rules)})</span></h4>`);
    if (!v.revealed) {
      push(none(L.notRevealed));
      continue;
    }
    push(chart(report.charts.votes[v.id] ?? null));
    push(
      table(
        [escapeHtml(L.rank), escapeHtml(L.item), escapeHtml(L.dots), escapeHtml(L.byDelegation)],
        v.results.map((r) => [
          td(String(r.rank), 'num'),
          td(u(r.label)),
          td(String(r.dots), 'num'),
          td(r.byDelegation.map((d) => `${escapeHtml(d.code)}&nbsp;${d.dots}`).join(', ')),
        ]),
      ),
    );
  }
  push(`</section>`);

  // ---- goals
  push(`<section id="goals"><h2>${escapeHtml(L.goals)}</h2>`);
  if (report.goals.length === 0) push(none(L.noGoals));
  for (const g of report.goals) {
    push(`<div class="goal" id="${goalAnchor(g.number)}"><h3>${g.number}. ${u(g.title, 'name')}</h3>`);
    push(`<dl class="facts">${fact(L.theme, g.theme ?? L.noTheme, true)}${fact(L.status, g.statusLabel)}</dl>`);
    if (g.rationale.trim()) push(`<h4>${escapeHtml(L.rationale)}</h4><p>${u(g.rationale)}</p>`);
    push(`<h4>${escapeHtml(L.objectives)}</h4>${items(g.objectives.map((o) => u(o)))}`);
    push(`<h4>${escapeHtml(L.actions)}</h4>`);
    push(
      g.actions.length === 0
        ? none()
        : table(
            [escapeHtml(L.action), escapeHtml(L.leads), escapeHtml(L.timeline)],
            g.actions.map((a) => [
              td(u(a.text)),
              td(a.leads.length ? a.leads.map((d) => u(d.name)).join(', ') : escapeHtml(L.notSet)),
              td(escapeHtml(a.timeline), 'num'),
            ]),
          ),
    );
    push(`<h4>${escapeHtml(L.indicators)}</h4>${items(g.indicators.map((o) => u(o)))}`);
    push(`<h4>${escapeHtml(L.sources)}</h4>${items(g.sources.map(sourceItem))}`);
    if (g.sourceClusters.length > 0)
      push(`<p><strong>${escapeHtml(L.sourceClusters)}:</strong> ${g.sourceClusters.map((n) => u(n)).join(', ')}</p>`);
    push(`</div>`);
  }
  push(`</section>`);

  // ---- review: the matrix on a landscape page, then each goal's national details
  push(`<section id="review" class="wide"><h2>${escapeHtml(L.review)}</h2>`);
  push(`<h3>${escapeHtml(L.reviewStatus)}</h3>`);
  push(
    items(
      report.review.delegations.map(
        (d) => `${u(d.name)} (${escapeHtml(d.code)}): <strong>${escapeHtml(d.complete ? L.complete : L.incomplete)}</strong>`,
      ),
    ),
  );
  push(`<h3>${escapeHtml(L.matrix)}</h3>`);
  push(chart(report.charts.review));
  if (report.review.matrix.length > 0 && report.review.delegations.length > 0)
    push(
      table(
        [escapeHtml(L.goal), ...report.review.delegations.map((d) => `<abbr title="${escapeHtml(d.name)}">${escapeHtml(d.code)}</abbr>`)],
        report.review.matrix.map((row) => [
          td(`${row.number}. ${u(row.goal)}`, 'goal'),
          ...row.cells.map((c) =>
            td(
              `${escapeHtml(c.label)}${c.missing.length ? `<span class="missing">${escapeHtml(L.missing)}: ${escapeHtml(c.missing.join(', '))}</span>` : ''}`,
              `s-${c.stance ?? 'none'}`,
            ),
          ),
        ]),
        'matrix',
      ),
    );
  else push(none());
  push(`</section>`);

  push(`<section id="national"><h2>${escapeHtml(L.nationalDetails)}</h2>`);
  for (const g of report.review.details) {
    push(`<h3>${g.number}. ${u(g.goal, 'name')}</h3>`);
    if (g.entries.length === 0) push(none(L.noReviews));
    for (const e of g.entries) {
      push(
        `<div class="review-entry"><h4>${u(e.delegation.name, 'name')} (${escapeHtml(e.delegation.code)}) — <span class="s-${e.stance ?? 'none'}">${escapeHtml(e.stanceLabel)}</span></h4>`,
      );
      push(
        `<dl class="facts">${[
          fact(L.situation, e.situation, true),
          fact(L.needs, e.needs, true),
          fact(L.resources, e.resources, true),
          fact(L.feasibility, e.feasibility === null ? null : String(e.feasibility)),
          fact(L.partners, e.partners.join(', '), true),
          fact(L.comments, e.comments, true),
          ...(e.missing.length ? [fact(L.missing, e.missing.join(', '))] : []),
        ].join('')}</dl></div>`,
      );
    }
  }
  push(`</section>`);

  // ---- amendments
  push(`<section id="amendments"><h2>${escapeHtml(L.amendments)}</h2>`);
  const amendments = (title: string, list: ReportAmendment[]) => {
    push(`<h3>${escapeHtml(title)}</h3>`);
    if (list.length === 0) push(none());
    for (const a of list) {
      push(`<div class="amendment"><h4>${escapeHtml(L.goal)} ${a.goalNumber}: ${u(a.goal, 'name')}</h4>`);
      push(
        `<dl class="facts">${fact(L.field, a.fieldLabel)}${fact(L.proposedBy, `${a.proposedBy} (${a.delegation})`, true)}${
          a.decidedOn ? fact(L.decided, a.decidedOn) : ''
        }</dl>`,
      );
      push(
        `<div class="diff"><div class="before"><strong>${escapeHtml(L.before)}</strong><br>${u(a.before)}</div><div class="after"><strong>${escapeHtml(
          L.after,
        )}</strong><br>${u(a.after)}</div></div></div>`,
      );
    }
  };
  amendments(L.acceptedAmendments, report.amendments.accepted);
  amendments(L.openAmendments, report.amendments.open);
  push(`</section>`);

  push(`</main></body></html>`);
  return `${out.join('\n')}\n`;
}

/**
 * A chart as vector SVG inline in the page (Chromium prints it as paths, not pixels), with its
 * finding as the caption; the SVG's own title and desc name it for screen readers.
 */
function chart(f: ChartFigure | null): string {
  if (!f) return '';
  return `<figure class="chart" id="${escapeHtml(f.id)}">${f.svg}<figcaption><strong>${escapeHtml(f.title)}.</strong> ${escapeHtml(f.finding)}</figcaption></figure>`;
}

export function exportHtml(state: WorkshopState, opts: ReportOptions & HtmlOptions = {}): string {
  return renderHtml(buildReport(state, opts), opts);
}
