// A joinId is a secret with a short life: a repeated joinId gets the same person back only within
// JOIN_RETRY_SECONDS of the first join; later it is refused and never hands out the token.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { type CreatedWorkshop, createWorkshop } from '../helpers/bots';

let srv: RunningServer;
let ws: CreatedWorkshop;
beforeAll(async () => {
  srv = await startServer({ env: { JOIN_RETRY_SECONDS: '5' } });
  ws = await createWorkshop(srv.url);
});
afterAll(async () => {
  await srv?.stop();
});

const joinWith = (joinId: string, name: string) =>
  fetch(`${srv.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: ws.joinCode, name, joinId }),
  });

describe('POST /api/join: the joinId retry window', () => {
  it('answers a retry within the window, refuses it after, and never returns the token then', async () => {
    const joinId = randomBytes(16).toString('base64url');
    const first = await joinWith(joinId, 'Nok');
    expect(first.status).toBe(201);
    const { token, participantId } = await first.json();
    const retry = await joinWith(joinId, 'Nok');
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ participantId, token, duplicate: true });

    await new Promise((r) => setTimeout(r, 5300));
    const late = await joinWith(joinId, 'Someone else');
    expect(late.status).toBe(409);
    const body = await late.json();
    expect(body).toMatchObject({ error: { code: 'conflict' } });
    expect(JSON.stringify(body)).not.toContain(token);
    expect(JSON.stringify(body)).not.toContain(participantId);
  });
});
