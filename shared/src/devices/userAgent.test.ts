import { describe, expect, it } from 'vitest';
import { type DeviceInfo, deviceInfo } from './userAgent';

const CASES: Array<[string, string, DeviceInfo]> = [
  [
    'Android phone, Chrome',
    'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    { kind: 'phone', os: 'Android', browser: 'Chrome' },
  ],
  [
    'Android phone, Samsung Internet',
    'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
    { kind: 'phone', os: 'Android', browser: 'Samsung Internet' },
  ],
  [
    'Android tablet (no "Mobile")',
    'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    { kind: 'tablet', os: 'Android', browser: 'Chrome' },
  ],
  [
    'iPhone, Safari',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    { kind: 'phone', os: 'iOS', browser: 'Safari' },
  ],
  [
    'iPhone, Chrome',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
    { kind: 'phone', os: 'iOS', browser: 'Chrome' },
  ],
  [
    'iPad',
    'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
    { kind: 'tablet', os: 'iOS', browser: 'Safari' },
  ],
  [
    'Windows, Edge',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    { kind: 'computer', os: 'Windows', browser: 'Edge' },
  ],
  [
    'Mac, Firefox',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
    { kind: 'computer', os: 'macOS', browser: 'Firefox' },
  ],
  [
    'Linux, Chromium (the e2e browser)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    { kind: 'computer', os: 'Linux', browser: 'Chrome' },
  ],
  [
    'Chromebook',
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    { kind: 'computer', os: 'ChromeOS', browser: 'Chrome' },
  ],
  [
    'LINE in-app browser',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.19.0',
    { kind: 'phone', os: 'iOS', browser: 'LINE' },
  ],
  ['a script (Node fetch / socket.io client)', 'node', { kind: 'unknown', os: '', browser: 'Node.js' }],
  ['nothing', '', { kind: 'unknown', os: '', browser: '' }],
];

describe('deviceInfo', () => {
  it.each(CASES)('%s', (_name, ua, want) => {
    expect(deviceInfo(ua)).toEqual(want);
  });
});
