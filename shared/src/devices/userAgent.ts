// What kind of device a browser's User-Agent names, for the facilitator's list of a person's
// devices ("Phone · Android · Chrome"). A rough reading, never used to decide anything: the
// order of the checks matters (Edge and Samsung Internet also say "Chrome"; iPadOS Safari says
// "Macintosh" but has touch, which a UA does not show, so it reads as a computer).
export type DeviceKind = 'phone' | 'tablet' | 'computer' | 'unknown';

export interface DeviceInfo {
  kind: DeviceKind;
  /** The operating system's own name, or '' when unknown. */
  os: string;
  /** The browser's own name, or '' when unknown. */
  browser: string;
}

const OS: ReadonlyArray<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/EdgA?\/|EdgiOS\//, 'Edge'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/OPR\/|Opera/, 'Opera'],
  [/Line\//, 'LINE'],
  [/FBAN|FBAV/, 'Facebook'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\/|Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/node|undici/i, 'Node.js'],
];

const first = (ua: string, table: ReadonlyArray<[RegExp, string]>) => table.find(([re]) => re.test(ua))?.[1] ?? '';

export function deviceInfo(userAgent: string): DeviceInfo {
  const ua = userAgent.slice(0, 400);
  const os = first(ua, OS);
  const browser = first(ua, BROWSERS);
  let kind: DeviceKind = 'unknown';
  if (/iPad|Tablet/.test(ua) || (os === 'Android' && !/Mobile/.test(ua))) kind = 'tablet';
  else if (/iPhone|iPod|Mobile|Android/.test(ua)) kind = 'phone';
  else if (os) kind = 'computer';
  return { kind, os, browser };
}
