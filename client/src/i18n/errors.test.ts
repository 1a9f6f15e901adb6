// Every error code the server can answer with has a message of its own in English, and so (through
// completeness.test.ts) in every language: the client renders errors from codes, never from the
// server's English message text.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@world-cafe/shared';
import { en } from './en';

describe('error messages', () => {
  it.each(ERROR_CODES)('errors.%s has a message', (code) => {
    const messages: Record<string, string> = en.errors;
    expect(messages[code], code).toBeTruthy();
    // a message of its own: not the generic one a missing key would fall back to
    if (code !== 'internal') expect(messages[code]).not.toBe(en.errors.internal);
  });
});
