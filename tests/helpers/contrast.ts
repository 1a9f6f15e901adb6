// Text contrast measured in the page (WCAG 2.x relative luminance): for every visible element with
// its own text, the computed text colour (opacity included) over the first opaque background behind
// it, walking up the ancestors and blending translucent layers. AA: 4.5:1, or 3:1 for large text
// (24 px, or 18.66 px bold). Disabled controls are exempt (WCAG 1.4.3). Elements over a background
// image other than the board's dot pattern cannot be judged this way and are reported as skipped.
import type { Page } from 'playwright-core';

export interface ContrastFailure {
  text: string;
  element: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

export interface ContrastReport {
  checked: number;
  skipped: number;
  failures: ContrastFailure[];
}

export function measureContrast(page: Page, root = 'body'): Promise<ContrastReport> {
  return page.evaluate((rootSelector) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const ch = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [ch(0), ch(1), ch(2), a];
    };
    const lum = ([r, g, b]: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''}`;

    const report: ContrastReport = { checked: 0, skipped: 0, failures: [] };
    const rootEl = document.querySelector(rootSelector) ?? document.body;
    const page: RGBA = [255, 255, 255, 1];
    for (const el of [rootEl, ...Array.from(rootEl.querySelectorAll('*'))]) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
        .map((n) => n.textContent!.trim());
      if (own.length === 0) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility !== 'visible' || rect.width < 2 || rect.height < 2) continue;
      if (el.closest('[aria-hidden="true"], .sr-only, option, :disabled, [aria-disabled="true"], .qr, .projector')) continue;
      // clipped to nothing (visually hidden text)
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') continue;
      // layers from the element down to the page
      const layers: RGBA[] = [];
      let opacity = 1;
      let unknown = false;
      for (let node: Element | null = el; node; node = node.parentElement) {
        const s = getComputedStyle(node);
        opacity *= Number(s.opacity);
        if (s.backgroundImage !== 'none' && !node.classList.contains('canvas')) unknown = true;
        const bg = parse(s.backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      if (unknown) {
        report.skipped++;
        continue;
      }
      let background = page;
      for (const layer of layers.reverse()) background = over(layer, background);
      const fg = parse(style.color);
      const text = over([fg[0], fg[1], fg[2], fg[3] * opacity], background);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const r = ratio(text, background);
      report.checked++;
      if (r < required - 0.005)
        report.failures.push({
          text: own.join(' ').slice(0, 60),
          element: name(el),
          ratio: Math.round(r * 100) / 100,
          required,
          color: style.color,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(' ')})`,
        });
    }
    return report;
  }, root);
}
