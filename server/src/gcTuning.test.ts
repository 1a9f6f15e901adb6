import { execFileSync } from 'node:child_process';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tuneGc } from './gcTuning';

afterEach(() => vi.restoreAllMocks());

describe('tuneGc', () => {
  it.each([
    [300, ['--heap-growing-percent=300']],
    [50, ['--heap-growing-percent=50']],
    [0, []],
  ])('%i %%', (percent, flags) => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    tuneGc(percent);
    expect(set.mock.calls.map((c) => c[0])).toEqual(flags);
  });
});

// v8.setFlagsFromString ignores a flag it does not know: if a Node upgrade dropped this one, the
// tuning would silently do nothing, and the mocked test above would not notice.
it("this Node's V8 knows the flag", () => {
  expect(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })).toMatch(/--heap-growing-percent\b/);
});
