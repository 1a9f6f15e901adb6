// Charts for the Word report: the shared SVG drawn to PNG by resvg (a native renderer shipped as
// an npm package with a prebuilt binary; nothing is downloaded at run time). Word's own SVG
// support is patchy across versions, so the picture is a PNG at twice its size for print.
// resvg reads TrueType/OpenType only (not the web fonts the client bundles), so Thai comes from
// the system's Noto fonts (Debian fonts-noto-core, which the PDF's Chromium needs too).
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const NOTO = '/usr/share/fonts/truetype/noto';
const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansThai-Regular.ttf', 'NotoSansThai-Bold.ttf']
  .map((f) => `${NOTO}/${f}`)
  .filter((f) => existsSync(f));

export interface ChartPng {
  png: Buffer;
  /** Size in CSS pixels (the PNG itself has `scale` times as many). */
  width: number;
  height: number;
}

export function chartPng(svg: string, scale = 2): ChartPng {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: FONT_FILES,
      // without the Noto files, let resvg find what the system has (slower: it scans every font)
      loadSystemFonts: FONT_FILES.length === 0,
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width / scale, height: image.height / scale };
}

/** True when the fonts for Thai text in charts are installed (the export works without, with boxes). */
export const chartFontsInstalled = (): boolean => FONT_FILES.some((f) => f.includes('Thai'));
