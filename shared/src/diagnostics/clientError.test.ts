import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_LIMITS, clientErrorSchema } from './clientError';

describe('clientErrorSchema', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['message and route', { message: 'boom', route: 'workshop' }, true],
    ['with stacks', { message: 'boom', stack: 'at x', componentStack: 'in Goals', route: 'projector' }, true],
    ['missing message', { route: 'workshop' }, false],
    ['route that is a URL', { message: 'boom', route: '/w/abc#k=secret' }, false],
    ['extra fields (user data)', { message: 'boom', route: 'workshop', notes: ['text'] }, false],
    ['message not a string', { message: 42, route: 'workshop' }, false],
  ];
  it.each(cases)('%s', (_name, input, ok) => {
    expect(clientErrorSchema.safeParse(input).success).toBe(ok);
  });

  it('caps long fields instead of refusing the report', () => {
    const r = clientErrorSchema.parse({ message: 'm'.repeat(5000), stack: 's'.repeat(50_000), route: 'workshop' });
    expect(r.message).toHaveLength(CLIENT_ERROR_LIMITS.message);
    expect(r.stack).toHaveLength(CLIENT_ERROR_LIMITS.stack);
  });
});
