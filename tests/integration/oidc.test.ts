// Organisation sign-in (OpenID Connect) against a real OpenID provider started in the test
// (oidc-provider 9 on a loopback port), over real HTTP to the real server: the whole
// authorization-code flow with PKCE, state and nonce, walked as a browser would (redirects,
// the provider's login and consent forms), and the ways it must fail: a tampered state, a
// replayed callback, an answer opened in another browser, a wrong issuer, denied consent, a
// provider that went down. Linking an organisation identity to a passkey account, and the
// public config endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server';
import { Jar, type TestProvider, authorizeAt, startOidcProvider } from '../helpers/oidcProvider';
import { Browser } from '../helpers/softAuthenticator';

let provider: TestProvider;
let server: RunningServer;

const oidcEnv = (p: TestProvider, issuer = p.issuer) => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: p.clientId,
  OIDC_CLIENT_SECRET: p.clientSecret,
  LIMIT_AUTH_PER_MIN: '1000',
});

beforeAll(async () => {
  provider = await startOidcProvider({
    alice: { name: 'Alice Tan', email: 'alice@asean.example' },
    budi: { name: 'Budi Santoso', email: 'budi@asean.example' },
    chan: { name: 'Chan Dara', email: 'chan@asean.example' },
    dao: { name: 'Đào Minh', email: 'dao@asean.example' },
  });
  server = await startServer({ env: oidcEnv(provider) });
  provider.register([`${server.url}/api/auth/oidc/callback`]);
});
afterAll(async () => {
  await server?.stop();
  await provider?.stop();
});

/** Opens the callback URL in the jar: where the app sends the browser next, and whether it is signed in. */
async function land(jar: Jar, callbackUrl: string) {
  const res = await jar.fetch(callbackUrl);
  expect(res.status).toBe(303);
  const me = await jar.fetch(`${server.url}/api/auth/me`);
  return {
    location: res.headers.get('location'),
    me: me.status === 200 ? ((await me.json()) as { id: string; name: string; organisationIdentities: Array<{ email: string }> }) : null,
  };
}

const start = () => `${server.url}/api/auth/oidc/start`;

describe('organisation sign-in (OpenID Connect)', () => {
  it('the public config says it is on', async () => {
    const res = await fetch(`${server.url}/api/auth/config`);
    expect(await res.json()).toEqual({ oidc: true });
  });

  it('the start sends the browser to the provider with PKCE (S256), state and nonce, and keeps them server-side', async () => {
    const jar = new Jar();
    const res = await jar.fetch(start());
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('client_id')).toBe(provider.clientId);
    expect(to.searchParams.get('redirect_uri')).toBe(`${server.url}/api/auth/oidc/callback`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(to.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    expect(to.searchParams.get('scope')).toBe('openid profile email');
    // the browser holds only an opaque id of the flow, HTTP-only and scoped to the OIDC paths
    const set = res.headers.getSetCookie().find((c) => c.startsWith('wc_oidc='))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\/api\/auth\/oidc/);
    for (const p of ['state', 'nonce', 'code_challenge']) expect(set).not.toContain(to.searchParams.get(p)!);
  });

  it('a first sign-in creates the account; the next one signs in to the same account', async () => {
    const laptop = new Jar();
    const first = await land(laptop, await authorizeAt(laptop, start(), { login: 'alice', appOrigin: server.url }));
    expect(first.location).toBe('/home?oidc=signed_in');
    expect(first.me).toMatchObject({ name: 'Alice Tan', organisationIdentities: [{ email: 'alice@asean.example' }] });
    expect(laptop.get('wc_session')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(laptop.get('wc_oidc')).toBeUndefined();

    const phone = new Jar();
    const again = await land(phone, await authorizeAt(phone, start(), { login: 'alice', appOrigin: server.url }));
    expect(again.location).toBe('/home?oidc=signed_in');
    expect(again.me!.id).toBe(first.me!.id);
    const sessions = await (await phone.fetch(`${server.url}/api/auth/sessions`)).json();
    expect(sessions.sessions).toHaveLength(2);
  });

  it('a replayed callback signs nobody in, in the same browser or another', async () => {
    const jar = new Jar();
    const callback = await authorizeAt(jar, start(), { login: 'budi', appOrigin: server.url });
    const flowCookie = jar.get('wc_oidc')!;
    expect((await land(jar, callback)).me?.name).toBe('Budi Santoso');

    // the same browser again (its flow was taken), and a copy of the old flow cookie: both refused
    const replay = await land(jar, callback);
    expect(replay.location).toBe('/home?oidc=expired');
    const thief = new Jar();
    thief.set(`wc_oidc=${flowCookie}`);
    const stolen = await land(thief, callback);
    expect(stolen.location).toBe('/home?oidc=expired');
    expect(stolen.me).toBeNull();
    expect(thief.get('wc_session')).toBeUndefined();
  });

  it('an answer opened in a browser that did not start the flow (login CSRF) is refused', async () => {
    const attacker = new Jar();
    const callback = await authorizeAt(attacker, start(), { login: 'chan', appOrigin: server.url });
    const victim = new Jar();
    const landed = await land(victim, callback);
    expect(landed.location).toBe('/home?oidc=expired');
    expect(landed.me).toBeNull();
  });

  it('a tampered state is refused, and the flow is spent', async () => {
    const jar = new Jar();
    const callback = new URL(await authorizeAt(jar, start(), { login: 'chan', appOrigin: server.url }));
    const good = callback.href;
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const tampered = await land(jar, callback.href);
    expect(tampered.location).toBe('/home?oidc=failed');
    expect(tampered.me).toBeNull();
    expect((await land(jar, good)).location).toBe('/home?oidc=expired');
  });

  it("an answer naming another issuer (the authorization response's iss) is refused", async () => {
    const jar = new Jar();
    const callback = new URL(await authorizeAt(jar, start(), { login: 'chan', appOrigin: server.url }));
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    callback.searchParams.set('iss', 'https://evil.example');
    const landed = await land(jar, callback.href);
    expect(landed.location).toBe('/home?oidc=failed');
    expect(landed.me).toBeNull();
  });

  it('a person who cancels at the provider is told so, and not signed in', async () => {
    const jar = new Jar();
    const callback = await authorizeAt(jar, start(), { login: 'chan', abort: true, appOrigin: server.url });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const landed = await land(jar, callback);
    expect(landed.location).toBe('/home?oidc=denied');
    expect(landed.me).toBeNull();
  });

  it('a passkey account links its organisation identity, then signs in with it; nobody else can link it', async () => {
    const b = new Browser(server.url);
    const { accountId } = await b.register('Dao Minh (passkey)');
    const jar = new Jar();
    jar.set(b.cookie);
    // linking needs the session, from the app's own origin
    expect((await new Jar().fetch(`${server.url}/api/auth/oidc/link`, { method: 'POST', headers: { origin: server.url } })).status).toBe(
      401,
    );
    expect(
      (await jar.fetch(`${server.url}/api/auth/oidc/link`, { method: 'POST', headers: { origin: 'https://evil.example' } })).status,
    ).toBe(403);
    const linkRes = await jar.fetch(`${server.url}/api/auth/oidc/link`, { method: 'POST', headers: { origin: server.url } });
    expect(linkRes.status).toBe(200);
    const { url } = (await linkRes.json()) as { url: string };
    const linked = await land(jar, await authorizeAt(jar, url, { login: 'dao', appOrigin: server.url }));
    expect(linked.location).toBe('/home?oidc=linked');
    expect(linked.me).toMatchObject({ id: accountId, organisationIdentities: [{ email: 'dao@asean.example' }] });

    // signing in with the organisation now opens the passkey account
    const other = new Jar();
    expect((await land(other, await authorizeAt(other, start(), { login: 'dao', appOrigin: server.url }))).me?.id).toBe(accountId);

    // another account cannot take the identity over
    const c = new Browser(server.url);
    await c.register('Someone else');
    const cj = new Jar();
    cj.set(c.cookie);
    const { url: url2 } = (await (
      await cj.fetch(`${server.url}/api/auth/oidc/link`, { method: 'POST', headers: { origin: server.url } })
    ).json()) as {
      url: string;
    };
    expect((await land(cj, await authorizeAt(cj, url2, { login: 'dao', appOrigin: server.url }))).location).toBe(
      '/home?oidc=already_linked',
    );
  });

  it('the provider going down between login and callback: the person is told it is unreachable', async () => {
    const jar = new Jar();
    const callback = await authorizeAt(jar, start(), { login: 'alice', appOrigin: server.url });
    await provider.stop();
    const landed = await land(jar, callback);
    expect(landed.location).toBe('/home?oidc=provider_unavailable');
    expect(landed.me).toBeNull();
  });
});

describe('misconfigured or unreachable providers', () => {
  let wrong: RunningServer | undefined;
  afterAll(async () => {
    await wrong?.stop();
  });

  it("a provider whose discovery document names another issuer is not used; a closed port is 'unavailable'", async () => {
    const other = await startOidcProvider({});
    other.register(['http://127.0.0.1/unused']);
    try {
      wrong = await startServer({ env: oidcEnv(other, `${other.issuer}/wrong-issuer`) });
      const res = await new Jar().fetch(`${wrong.url}/api/auth/oidc/start`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/home?oidc=provider_unavailable');
    } finally {
      await other.stop();
    }
    // the same server, now with nobody listening at the issuer: still a clear answer, never a sign-in
    const res = await new Jar().fetch(`${wrong.url}/api/auth/oidc/start`);
    expect(res.headers.get('location')).toBe('/home?oidc=provider_unavailable');
  });
});
