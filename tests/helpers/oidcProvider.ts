// A real OpenID provider (oidc-provider 9, certified) inside the test, on an ephemeral loopback
// port: one confidential client, an in-memory account store, and the provider's own login and
// consent pages (its development interactions: any login name that the account store knows,
// any password). The HTTP server listens first, so the app can be started with the issuer before
// the provider is configured with the app's redirect URI (which needs the app's port).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { BrowserContext, Page } from 'playwright-core';

export interface TestAccount {
  name: string;
  email: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People the provider knows, by login name (the `sub` it reports). */
  accounts: Map<string, TestAccount>;
  /** Configures the provider's client for the app's redirect URIs (call once, before the first sign-in). */
  register(redirectUris: string[]): void;
  stop(): Promise<void>;
}

export async function startOidcProvider(accounts: Record<string, TestAccount> = {}): Promise<TestProvider> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('provider not configured yet');
  };
  const server = http.createServer((req, res) => {
    // a second issuer path serving the real provider's discovery document: its issuer does not match
    if (req.url === '/wrong-issuer/.well-known/openid-configuration') req.url = '/.well-known/openid-configuration';
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const known = new Map(Object.entries(accounts));
  const clientId = 'world-cafe-test';
  const clientSecret = `secret-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;

  return {
    issuer,
    clientId,
    clientSecret,
    accounts: known,
    register(redirectUris) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        async findAccount(_ctx, id) {
          const a = known.get(id);
          if (!a) return undefined;
          return { accountId: id, claims: async () => ({ sub: id, name: a.name, email: a.email, email_verified: true }) };
        },
        claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
        // the name and e-mail in the ID token itself (the app reads no userinfo)
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        cookies: { keys: [clientSecret] },
        features: { devInteractions: { enabled: true } },
      });
      provider.on('server_error', (_ctx, err) => console.error('[oidc-provider]', err));
      const callback = provider.callback();
      handler = (req, res) => void callback(req, res);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A cookie jar for fetch: both servers are on 127.0.0.1, and cookies do not care about ports. */
export class Jar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  /** `name=value`, as tests/helpers/softAuthenticator.ts's Browser keeps its session cookie. */
  set(pair: string) {
    const i = pair.indexOf('=');
    this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.header());
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(res);
    return res;
  }
}

const formAction = (html: string): string => {
  const m = html.match(/<form[^>]*action="([^"]+)"/);
  if (!m) throw new Error(`no form on the provider's page:\n${html.slice(0, 500)}`);
  return m[1]!;
};

/**
 * Walks the code flow as a browser would, from the app's start URL, through the provider's login
 * and consent pages, and stops at the redirect back to the app: the callback URL (not yet opened,
 * so a test can open it, alter it or open it twice).
 */
export async function authorizeAt(
  jar: Jar,
  startUrl: string,
  opts: { login: string; abort?: boolean; appOrigin: string },
): Promise<string> {
  let url = startUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(`${opts.appOrigin}/api/auth/oidc/callback`)) return url;
    const res = await jar.fetch(url);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`${res.status} at ${url}: ${html.slice(0, 300)}`);
    const action = new URL(formAction(html), url).href;
    const isLogin = html.includes('name="login"');
    if (opts.abort) {
      url = `${action}/abort`; // the provider's "Cancel" link: /interaction/:uid/abort
      continue;
    }
    const body = isLogin
      ? new URLSearchParams({ prompt: 'login', login: opts.login, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' });
    const posted = await jar.fetch(action, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const next = posted.headers.get('location');
    if (!next) throw new Error(`the provider answered ${posted.status} to the ${isLogin ? 'login' : 'consent'} form`);
    url = new URL(next, action).href;
  }
  throw new Error('too many redirects');
}

/** The provider's development pages link a web font this closed network cannot fetch: answered empty. */
export async function answerProviderFonts(context: BrowserContext): Promise<void> {
  await context.route('https://fonts.googleapis.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/css', body: '' }));
}

/** The provider's own login and consent pages (its development interactions), as a person fills them. */
export async function logInAtProvider(page: Page, provider: TestProvider, login: string): Promise<void> {
  await page.waitForURL(`${provider.issuer}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}
