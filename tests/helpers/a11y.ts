// Accessibility and layout checks for the e2e suite: axe-core (from npm, evaluated in the page,
// which the app's CSP does not block) with the WCAG 2.0/2.1 A and AA rules and best practices,
// plus two checks axe does not make: every accessible name starts with the visible label
// (WCAG 2.5.3, stricter than axe's "contains"), and a phone header whose parts neither overlap
// nor push the page sideways.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { shot } from './browser';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core on the page as it is now; returns every violation (callers filter by impact). */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // experimental in axe, but it is WCAG 2.5.3: the name must contain the visible label
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))),
    }));
  });
}

/**
 * Controls whose accessible name (aria-label) does not start with the words they show. Icons
 * and symbols (no letter or digit) are exempt, as in WCAG 2.5.3.
 */
/** axe's serious and critical findings only (what a screen must have none of). */
export async function axeSerious(page: Page): Promise<AxeFinding[]> {
  return (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

export async function nameMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // words only: symbols and punctuation (○, ✓, “…”) are not part of what a person says aloud
    const norm = (s: string) =>
      s
        .replace(/[^\p{L}\p{N}\p{M}\s]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
    const out: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(
        'button[aria-label], a[aria-label], [role="button"][aria-label], [role="tab"][aria-label], summary[aria-label]',
      ),
    )) {
      if (!el.checkVisibility?.()) continue;
      const visible = norm(el.innerText ?? '');
      if (!/[\p{L}\p{N}]/u.test(visible)) continue;
      const name = norm(el.getAttribute('aria-label') ?? '');
      if (!name.startsWith(visible)) out.push(`“${visible}” named “${name}”`);
    }
    return out;
  });
}

/** On a phone: header parts that overlap each other, a title squeezed away, a page wider than the screen. */
export async function phoneLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1)
      out.push(`page scrolls sideways: ${doc.scrollWidth}px wide in a ${window.innerWidth}px screen`);
    const parts = [
      '.brand',
      '.ws-title',
      '.phase-tag',
      '.header-clock .round-clock',
      '.sound-toggle',
      '.conn-badge',
      '.save-state',
      '.lang-toggle',
    ]
      .map((sel) => ({ sel, el: document.querySelector<HTMLElement>(`.app-header ${sel}`) }))
      .filter((p): p is { sel: string; el: HTMLElement } => Boolean(p.el && p.el.checkVisibility()));
    const rects = parts.map((p) => ({ sel: p.sel, r: p.el.getBoundingClientRect() }));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!.r;
        const b = rects[j]!.r;
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        // a part nested in another (the title inside its heading) is not an overlap
        const nested = parts[i]!.el.contains(parts[j]!.el) || parts[j]!.el.contains(parts[i]!.el);
        if (overlap && !nested) out.push(`${rects[i]!.sel} overlaps ${rects[j]!.sel}`);
      }
    for (const { sel, r } of rects) if (r.right > window.innerWidth + 1 || r.left < -1) out.push(`${sel} sticks out of the screen`);
    const title = document.querySelector<HTMLElement>('.app-header .ws-title');
    if (title && title.getBoundingClientRect().width < 40) out.push('the workshop title is squeezed away');
    const badge = document.querySelector<HTMLElement>('.app-header .conn-badge');
    if (badge && badge.getBoundingClientRect().height > 40) out.push('the connection badge wraps');
    const header = document.querySelector<HTMLElement>('.app-header');
    if (header && header.getBoundingClientRect().height > 120)
      out.push(`the header is ${Math.round(header.getBoundingClientRect().height)}px tall`);
    return out;
  });
}

/** Switches the UI language the way a person does (the header's picker), or via storage where there is none. */
export async function setUiLanguage(page: Page, lang: string): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  const picker = page.locator('.app-header').getByRole('combobox', { name: /Language/ });
  if (await picker.count()) await picker.first().selectOption(lang);
  else {
    await page.evaluate((l) => localStorage.setItem('wc:lang', l), lang);
    await page.reload();
  }
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export interface AuditOptions {
  /** Viewports to check (default: desktop and phone). */
  viewports?: ReadonlyArray<'desktop' | 'phone'>;
  /** Languages to check (default: English and Thai). */
  languages?: ReadonlyArray<'en' | 'th'>;
  /** Check the phone header layout too (screens with the workshop header). */
  phoneHeader?: boolean;
  /** Wait for this before checking, after each language or size change. */
  ready?: (page: Page) => Promise<unknown>;
}

/**
 * One screen in one state, in English and Thai, at 1440×900 and 390×844: axe findings of impact
 * critical or serious, name mismatches and phone layout problems go into `failures` (prefixed
 * with the screen's name), moderate findings into `notes`; a screenshot of each combination
 * lands in test-output/e2e/. The page ends as it began (size and language).
 */
export async function auditScreen(page: Page, name: string, failures: string[], notes: string[], opts: AuditOptions = {}): Promise<void> {
  const startSize = page.viewportSize();
  const startLang = (await page.evaluate(() => document.documentElement.lang)) as 'en' | 'th';
  for (const vp of opts.viewports ?? ['desktop', 'phone']) {
    await page.setViewportSize(vp === 'desktop' ? DESKTOP : PHONE);
    for (const lang of opts.languages ?? (['en', 'th'] as const)) {
      await setUiLanguage(page, lang);
      if (opts.ready) await opts.ready(page);
      const where = `${name} [${vp} ${lang}]`;
      for (const v of await runAxe(page)) {
        const line = `${where} ${v.impact} ${v.id}: ${v.help} — ${v.targets.join(' | ')}`;
        if (v.impact === 'critical' || v.impact === 'serious') failures.push(line);
        else notes.push(line);
      }
      for (const m of await nameMismatches(page)) failures.push(`${where} name does not start with its label: ${m}`);
      if (vp === 'phone' && opts.phoneHeader) for (const p of await phoneLayoutProblems(page)) failures.push(`${where} ${p}`);
      await shot(page, `room-${name}-${vp}-${lang}.png`);
    }
  }
  await setUiLanguage(page, startLang);
  if (startSize) await page.setViewportSize(startSize);
}
