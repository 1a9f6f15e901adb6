import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff';

const render = (parts: ReturnType<typeof wordDiff>) =>
  parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `[+${p.text}]` : `[-${p.text}]`)).join('');

describe('wordDiff', () => {
  it('marks added and removed words', () => {
    expect(render(wordDiff('Leadership for a new wave', 'ASEAN New-Wave Leadership for all'))).toContain('[-');
    const parts = wordDiff('Train civil servants', 'Train young civil servants');
    expect(render(parts)).toBe('Train [+young ]civil servants');
  });

  it('keeps both texts recoverable', () => {
    const a = 'ฝึกอบรมผู้นำรุ่นใหม่ของอาเซียน';
    const b = 'ฝึกอบรมผู้นำรุ่นใหม่ทุกประเทศ';
    const parts = wordDiff(a, b, 'th');
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
  });
});
