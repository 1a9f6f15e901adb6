// The report as a Word document (docx package). Thai needs care in Word: Thai characters are
// "complex script", drawn with the run's cs font at its szCs size, so every run names a cs font
// (Noto Sans Thai) and a complex-script size, and Thai stretches are separate runs with the cs
// hint and the Thai complex-script language (w:lang w:bidi="th-TH"), so Word shapes and breaks
// them as Thai. Runs are explicitly left-to-right (rightToLeft: false).
// Every section has a running header (meeting name; report kind and date) and a footer with
// "Page X of Y" as Word fields (PAGE, NUMPAGES). A TOC field after the title lists the level 1-2
// headings; it is written with the headings already filled in (page numbers blank) and marked
// dirty, so Word refreshes it on opening and other readers still show the entries.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  type IRunOptions,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import {
  SCRIPT_RANGES,
  pageLabelParts,
  scriptLang,
  type Report,
  type ReportAmendment,
  type ReportNote,
  type Script,
} from '@world-cafe/shared/export';
import type { ChartFigure } from '@world-cafe/shared/charts';
import { chartPng } from './chartImage';

const LATIN_FONT = 'Calibri';
const THAI_FONT = 'Noto Sans Thai';
const FONT = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: THAI_FONT, eastAsia: LATIN_FONT } as const;
/** Half-points. */
const BODY = 21;
const SMALL = 18;
const TITLE_SIZE = 40;
const HEADING_SIZES = [32, 26, 23, 21, 21] as const;
/** Word's language tag of each report language (w:lang w:val). */
const WORD_LANG: Record<string, string> = {
  en: 'en-GB',
  th: 'th-TH',
  vi: 'vi-VN',
  id: 'id-ID',
  ms: 'ms-MY',
  fil: 'fil-PH',
  km: 'km-KH',
  lo: 'lo-LA',
  my: 'my-MM',
};
const LANG = (locale: string) => ({ value: WORD_LANG[locale] ?? 'en-GB', bidirectional: 'th-TH' });

/**
 * Thai, Lao, Khmer and Burmese stretches: each is a run of its own in the script's Noto font, named
 * in every font slot (Word files Thai, Lao and Khmer under cs, but which slot a reader uses for
 * Burmese varies), with the cs hint and the script's language, so it is shaped and broken as such.
 */
const SCRIPT_FONTS: Record<Script, { font: string; lang: string }> = {
  th: { font: THAI_FONT, lang: 'th-TH' },
  lo: { font: 'Noto Sans Lao', lang: 'lo-LA' },
  km: { font: 'Noto Sans Khmer', lang: 'km-KH' },
  my: { font: 'Noto Sans Myanmar', lang: 'my-MM' },
};
const SCRIPT_CLASS = `[${Object.values(SCRIPT_RANGES).join('')}]`;
const SCRIPT_STRETCH = new RegExp(`${SCRIPT_CLASS}+(?:[ \u00A0]+${SCRIPT_CLASS}+)*`, 'gu');

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'color'> & { size?: number };

/** Text split into Latin and Thai runs, line breaks kept. */
function runs(text: string, style: RunStyle = {}, locale = 'en'): TextRun[] {
  const size = style.size ?? BODY;
  const out: TextRun[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, li) => {
    let first = true;
    const push = (t: string, script: Script | null) => {
      const own = script ? SCRIPT_FONTS[script] : null;
      out.push(
        new TextRun({
          text: t,
          ...(li > 0 && first ? { break: 1 } : {}),
          bold: style.bold,
          italics: style.italics,
          color: style.color,
          size,
          sizeComplexScript: size,
          rightToLeft: false,
          font: own ? { ascii: own.font, hAnsi: own.font, cs: own.font, eastAsia: own.font, hint: 'cs' } : FONT,
          language: own ? { value: own.lang, bidirectional: own.lang } : LANG(locale),
        }),
      );
      first = false;
    };
    let at = 0;
    for (const m of line.matchAll(SCRIPT_STRETCH)) {
      if (m.index > at) push(line.slice(at, m.index), null);
      push(m[0], scriptLang(m[0]));
      at = m.index + m[0].length;
    }
    if (at < line.length || first) push(line.slice(at), null);
  });
  return out;
}

const STANCE_FILL: Record<string, string> = {
  supports: 'E3F4E6',
  amend: 'FFF4D6',
  reservations: 'FDE3E1',
  na: 'EEF0F2',
  none: 'FFFFFF',
};

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B8C2CC' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

export async function renderDocx(report: Report): Promise<Buffer> {
  const L = report.labels;
  const loc = report.locale;
  const r = (text: string, style: RunStyle = {}) => runs(text, style, loc);
  const p = (children: TextRun[], opts: { spacingAfter?: number; bullet?: boolean; pageBreakBefore?: boolean } = {}) =>
    new Paragraph({
      children,
      spacing: { after: opts.spacingAfter ?? 100 },
      ...(opts.bullet ? { bullet: { level: 0 } } : {}),
      ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    });
  const text = (t: string, style: RunStyle = {}) => p(r(t, style));
  // Level 1-2 headings, in order: what Word's TOC field will list once refreshed, written in as its cached result.
  const tocEntries: Array<{ title: string; level: number }> = [];
  const heading = (level: 1 | 2 | 3 | 4 | 5, t: string, pageBreakBefore = false) => {
    if (level <= 2) tocEntries.push({ title: t, level });
    return new Paragraph({
      heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5][
        level - 1
      ],
      // runs() sizes every run, which would override the heading style's size: give the style's own
      children: r(t, { size: HEADING_SIZES[level - 1] }),
      keepNext: true,
      ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
      spacing: { before: level <= 2 ? 240 : 160, after: 80 },
    });
  };
  const muted = (t: string) => text(t, { italics: true, color: '666666' });
  const bullets = (items: TextRun[][]) =>
    items.length === 0 ? [muted(L.none)] : items.map((c) => p(c, { bullet: true, spacingAfter: 40 }));
  const labelled = (label: string, value: string | null) => [
    ...r(`${label}: `, { bold: true }),
    ...r(value === null || value === '' ? L.notSet : value),
  ];
  const noteRuns = (n: ReportNote) => {
    const who = [n.author, n.delegationCode ? `(${n.delegationCode})` : ''].filter(Boolean).join(' ');
    return [...r(n.text), ...(who ? r(` — ${who}`, { italics: true, color: '555555', size: SMALL }) : [])];
  };
  const sourceRuns = (n: ReportNote) => {
    const where = [n.table, `${L.round} ${n.round}`, n.delegation ?? ''].filter(Boolean).join(', ');
    return [...r(n.text), ...r(` — ${where}`, { italics: true, color: '555555', size: SMALL })];
  };
  const cell = (content: TextRun[] | Paragraph[], opts: { fill?: string; header?: boolean; width?: number } = {}) =>
    new TableCell({
      children:
        content.length > 0 && content[0] instanceof Paragraph ? (content as Paragraph[]) : [p(content as TextRun[], { spacingAfter: 0 })],
      ...(opts.fill || opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill ?? 'E8EEF4' } } : {}),
      ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  const table = (head: string[], rows: TableCell[][], widths?: number[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: BORDERS,
      rows: [
        new TableRow({
          tableHeader: true,
          children: head.map((h, i) =>
            cell(r(h, { bold: true, size: SMALL }), { header: true, ...(widths?.[i] ? { width: widths[i] } : {}) }),
          ),
        }),
        ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
      ],
    });
  const spacer = () => new Paragraph({ children: [], spacing: { after: 120 } });
  /**
   * A chart as a PNG picture with alt text (the finding and the figures), kept on the page of its
   * caption; maxWidth in CSS pixels (about 600 on a portrait A4 page between margins).
   */
  const chart = (f: ChartFigure | null, maxWidth = 600): Paragraph[] => {
    if (!f) return [];
    const img = chartPng(f.svg);
    const k = Math.min(1, maxWidth / img.width);
    const figures = f.table.rows.map((row) => row.map((c, i) => (i === 0 ? `${c}:` : String(c))).join(' ')).join('; ');
    return [
      new Paragraph({
        keepNext: true,
        keepLines: true,
        spacing: { before: 80, after: 40 },
        children: [
          new ImageRun({
            type: 'png',
            data: img.png,
            transformation: { width: Math.round(img.width * k), height: Math.round(img.height * k) },
            altText: { name: f.id, title: f.title, description: `${f.title}. ${f.finding} ${figures}`.slice(0, 1500) },
          }),
        ],
      }),
      p([...r(`${f.title}. `, { bold: true, size: SMALL }), ...r(f.finding, { size: SMALL })], { spacingAfter: 160 }),
    ];
  };

  // ---------------------------------------------------------------- section 1 (portrait)
  const main: Array<Paragraph | Table> = [];
  main.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: r(report.title, { size: TITLE_SIZE, bold: true, color: '0B3D6E' }),
      spacing: { after: 80 },
    }),
    text(L.reportKind, { italics: true, color: '555555', size: 24 }),
    text([report.dates.created, `${L.planPeriod}: ${report.dates.planPeriod}`].filter(Boolean).join(' · '), { color: '333333' }),
    // not a heading style, so the contents do not list themselves
    text(L.contents, { bold: true, color: '0B3D6E', size: 26 }),
  );
  const tocAt = main.length;
  main.push(heading(1, L.overview, true));
  if (report.purpose.trim()) main.push(p(labelled(L.purpose, report.purpose)));
  main.push(
    ...bullets([
      labelled(L.created, report.dates.created),
      labelled(L.planPeriod, report.dates.planPeriod),
      labelled(L.reviewOpened, report.dates.reviewOpened),
      labelled(L.reviewDeadline, report.dates.reviewDeadline),
      labelled(L.stage, report.stage),
    ]),
    heading(2, L.delegations),
    table(
      [L.delegation, L.code, L.participants],
      report.delegations.map((d) => [
        cell(r(d.name)),
        cell(r(d.code)),
        cell(
          d.participants.length
            ? d.participants.map((pp) =>
                p([...r(pp.name), ...r(` (${pp.roleLabel})`, { color: '555555', size: SMALL })], { spacingAfter: 0 }),
              )
            : r(L.notSet),
        ),
      ]),
      [30, 10, 60],
    ),
  );

  main.push(heading(1, L.framework, true), heading(2, L.themes));
  main.push(
    ...bullets(report.themes.map((t) => [...r(t.name), ...(t.tables.length ? r(` — ${t.tables.join(', ')}`, { color: '555555' }) : [])])),
  );
  main.push(
    heading(2, L.tables),
    table(
      [L.table, L.theme, L.question],
      report.tables.map((t) => [cell(r(t.name)), cell(r(t.theme ?? L.noTheme)), cell(r(t.question))]),
      [25, 25, 50],
    ),
  );
  if (report.roundQuestions.length > 0) {
    main.push(heading(2, L.roundQuestions));
    main.push(...bullets(report.roundQuestions.map((q) => [...r(`${L.round} ${q.round}: `, { bold: true }), ...r(q.question)])));
  }

  main.push(heading(1, L.conversations, true));
  main.push(...chart(report.charts.participation), ...chart(report.charts.delegations));
  for (const c of report.conversations) {
    main.push(heading(2, c.theme ? `${c.table} — ${c.theme}` : c.table));
    if (c.question.trim()) main.push(p(labelled(L.question, c.question)));
    for (const rd of c.rounds) {
      main.push(heading(3, `${L.round} ${rd.round}`));
      if (rd.question) main.push(p(labelled(L.question, rd.question)));
      main.push(...(rd.notes.length ? bullets(rd.notes.map(noteRuns)) : [muted(L.noNotes)]));
      if (rd.summary)
        main.push(
          new Paragraph({
            children: [...r(`${L.summary} (${rd.summary.by}): `, { bold: true }), ...r(rd.summary.text)],
            indent: { left: 360 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '0B3D6E', space: 6 } },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F6F9' },
            spacing: { before: 60, after: 140 },
          }),
        );
      else main.push(muted(L.noSummary));
    }
  }

  main.push(heading(1, L.harvest, true), heading(2, L.clusters));
  if (report.clusters.length === 0) main.push(muted(L.noClusters));
  for (const cl of report.clusters) main.push(heading(3, cl.name), ...bullets(cl.notes.map(sourceRuns)));
  main.push(heading(2, L.votes));
  if (report.votes.length === 0) main.push(muted(L.noVotes));
  for (const v of report.votes) {
    main.push(heading(3, `${v.title} (${v.statusLabel}; ${v.rules})`));
    if (!v.revealed) {
      main.push(muted(L.notRevealed));
      continue;
    }
    main.push(...chart(report.charts.votes[v.id] ?? null));
    main.push(
      table(
        [L.rank, L.item, L.dots, L.byDelegation],
        v.results.map((x) => [
          cell(r(String(x.rank))),
          cell(r(x.label)),
          cell(r(String(x.dots))),
          cell(r(x.byDelegation.map((d) => `${d.code} ${d.dots}`).join(', '))),
        ]),
        [8, 52, 8, 32],
      ),
      spacer(),
    );
  }

  main.push(heading(1, L.goals, true));
  if (report.goals.length === 0) main.push(muted(L.noGoals));
  for (const g of report.goals) {
    main.push(heading(2, `${g.number}. ${g.title}`));
    main.push(p(labelled(L.theme, g.theme ?? L.noTheme), { spacingAfter: 20 }), p(labelled(L.status, g.statusLabel)));
    if (g.rationale.trim()) main.push(heading(3, L.rationale), text(g.rationale));
    main.push(heading(3, L.objectives), ...bullets(g.objectives.map((o) => r(o))));
    main.push(heading(3, L.actions));
    if (g.actions.length === 0) main.push(muted(L.none));
    else
      main.push(
        table(
          [L.action, L.leads, L.timeline],
          g.actions.map((a) => [cell(r(a.text)), cell(r(a.leads.map((d) => d.name).join(', ') || L.notSet)), cell(r(a.timeline))]),
          [60, 25, 15],
        ),
        spacer(),
      );
    main.push(heading(3, L.indicators), ...bullets(g.indicators.map((o) => r(o))));
    main.push(heading(3, L.sources), ...bullets(g.sources.map(sourceRuns)));
    if (g.sourceClusters.length > 0) main.push(p(labelled(L.sourceClusters, g.sourceClusters.join(', '))));
  }

  // ---------------------------------------------------------------- section 2 (landscape): the matrix
  const review: Array<Paragraph | Table> = [heading(1, L.review), heading(2, L.reviewStatus)];
  review.push(
    ...bullets(
      report.review.delegations.map((d) => [...r(`${d.name} (${d.code}): `), ...r(d.complete ? L.complete : L.incomplete, { bold: true })]),
    ),
    heading(2, L.matrix),
    ...chart(report.charts.review, 860),
  );
  const cols = report.review.delegations.length;
  if (report.review.matrix.length > 0 && cols > 0) {
    const other = Math.max(3, Math.floor(72 / cols));
    review.push(
      table(
        [L.goal, ...report.review.delegations.map((d) => d.code)],
        report.review.matrix.map((row) => [
          cell(r(`${row.number}. ${row.goal}`, { size: SMALL })),
          ...row.cells.map((c) =>
            cell(
              [
                p(r(c.label, { size: SMALL }), { spacingAfter: 0 }),
                ...(c.missing.length
                  ? [p(r(`${L.missing}: ${c.missing.join(', ')}`, { size: 14, color: '8A5A00' }), { spacingAfter: 0 })]
                  : []),
              ],
              { fill: STANCE_FILL[c.stance ?? 'none'] },
            ),
          ),
        ]),
        [100 - other * cols, ...Array<number>(cols).fill(other)],
      ),
    );
  } else review.push(muted(L.none));

  // ---------------------------------------------------------------- section 3 (portrait): details, amendments
  const rest: Array<Paragraph | Table> = [heading(1, L.nationalDetails)];
  for (const g of report.review.details) {
    rest.push(heading(2, `${g.number}. ${g.goal}`));
    if (g.entries.length === 0) rest.push(muted(L.noReviews));
    for (const e of g.entries) {
      rest.push(heading(3, `${e.delegation.name} (${e.delegation.code}) — ${e.stanceLabel}`));
      rest.push(
        table(
          [L.nationalDetails, ''],
          [
            [L.situation, e.situation],
            [L.needs, e.needs],
            [L.resources, e.resources],
            [L.feasibility, e.feasibility === null ? '' : String(e.feasibility)],
            [L.partners, e.partners.join(', ')],
            [L.comments, e.comments],
            ...(e.missing.length ? [[L.missing, e.missing.join(', ')]] : []),
          ].map(([k, v]) => [cell(r(k!, { bold: true })), cell(r(v || L.notSet))]),
          [28, 72],
        ),
        spacer(),
      );
    }
  }
  rest.push(heading(1, L.amendments, true));
  const amendments = (title: string, list: ReportAmendment[]) => {
    rest.push(heading(2, title));
    if (list.length === 0) rest.push(muted(L.none));
    for (const a of list) {
      rest.push(heading(3, `${L.goal} ${a.goalNumber}: ${a.goal}`));
      rest.push(
        p(labelled(L.field, a.fieldLabel), { spacingAfter: 20 }),
        p(labelled(L.proposedBy, `${a.proposedBy} (${a.delegation})`), { spacingAfter: a.decidedOn ? 20 : 100 }),
        ...(a.decidedOn ? [p(labelled(L.decided, a.decidedOn))] : []),
        table([L.before, L.after], [[cell(r(a.before), { fill: 'FBEEEE' }), cell(r(a.after), { fill: 'EEF8EF' })]], [50, 50]),
        spacer(),
      );
    }
  };
  amendments(L.acceptedAmendments, report.amendments.accepted);
  amendments(L.openAmendments, report.amendments.open);

  main.splice(
    tocAt,
    0,
    new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: '1-2', cachedEntries: tocEntries, beginDirty: true }),
  );

  const A4 = { width: 11906, height: 16838 };
  const margin = { top: 1020, bottom: 1134, left: 907, right: 907, header: 454, footer: 454 };
  const grey = { color: '555555', size: SMALL };
  // The header's right-hand part sits on a right tab at the text width of the page.
  const header = (textWidth: number) =>
    new Header({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B8C2CC', space: 2 } },
          children: [
            ...r(report.title, { ...grey, bold: true }),
            ...(report.dates.created ? [new TextRun({ text: '\t', size: SMALL }), ...r(report.dates.created, grey)] : []),
          ],
        }),
      ],
    });
  const field = (which: 'page' | 'pages') =>
    new TextRun({
      children: [which === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES],
      ...grey,
      sizeComplexScript: SMALL,
      font: FONT,
    });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: pageLabelParts(L.pageOf).flatMap((part) => ('text' in part ? r(part.text, grey) : [field(part.field)])),
      }),
    ],
  });
  const section = (children: Array<Paragraph | Table>, landscape = false): ISectionOptions => ({
    properties: {
      page: { size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin },
    },
    headers: { default: header((landscape ? A4.height : A4.width) - margin.left - margin.right) },
    footers: { default: footer },
    children,
  });

  const headingRun = (size: number) => ({ size, sizeComplexScript: size, bold: true, color: '0B3D6E', font: FONT, rightToLeft: false });
  const doc = new Document({
    creator: 'World Café',
    title: report.title,
    description: L.reportKind,
    // Word refreshes the TOC field (and the page fields) when the document is opened.
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY, sizeComplexScript: BODY, rightToLeft: false, language: LANG(loc) },
          paragraph: { alignment: AlignmentType.LEFT },
        },
        title: { run: { ...headingRun(TITLE_SIZE) } },
        heading1: { run: headingRun(HEADING_SIZES[0]), paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: headingRun(HEADING_SIZES[1]) },
        heading3: { run: { ...headingRun(HEADING_SIZES[2]), color: '1B1F24' } },
        heading4: { run: { ...headingRun(HEADING_SIZES[3]), color: '1B1F24' } },
        heading5: { run: { ...headingRun(HEADING_SIZES[4]), color: '1B1F24', bold: false } },
      },
    },
    sections: [section(main), section(review, true), section(rest)],
  });
  return markContentsControl(await Packer.toBuffer(doc));
}

const TOC_GALLERY = '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>';

/**
 * The docx package writes the contents' content control with an alias only. Word and LibreOffice
 * recognise a table of contents by its document-part gallery; without it LibreOffice prints the
 * field code ("TOC \h \o …") above the entries. The one content control in the report gets it.
 */
export async function markContentsControl(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  const xml = await file!.async('string');
  const marked = xml.replace(/(<w:sdtPr><w:alias w:val="[^"]*"\/>)(<\/w:sdtPr>)/, `$1${TOC_GALLERY}$2`);
  if (marked === xml) throw new Error('docx: the table of contents control was not found');
  zip.file('word/document.xml', marked);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
