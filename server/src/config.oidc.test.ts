// OIDC_* settings: all three or none, https (http only to this machine), an absolute redirect URL.
import { describe, expect, it } from 'vitest';
import { oidcConfig } from './config';

const base = { OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0', OIDC_CLIENT_ID: 'app', OIDC_CLIENT_SECRET: 's3cret' };

describe('oidcConfig', () => {
  it.each([
    ['nothing set: off', {}, undefined],
    ['all three', base, { issuer: base.OIDC_ISSUER, clientId: 'app', clientSecret: 's3cret', redirectUrl: undefined }],
    [
      'with a redirect URL',
      { ...base, OIDC_REDIRECT_URL: 'https://cafe.example.org/api/auth/oidc/callback' },
      { issuer: base.OIDC_ISSUER, clientId: 'app', clientSecret: 's3cret', redirectUrl: 'https://cafe.example.org/api/auth/oidc/callback' },
    ],
    [
      'http to this machine (a test provider, a local Keycloak)',
      { ...base, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/cafe' },
      { issuer: 'http://127.0.0.1:8080/realms/cafe', clientId: 'app', clientSecret: 's3cret', redirectUrl: undefined },
    ],
  ])('%s', (_name, env, want) => {
    expect(oidcConfig(env)).toEqual(want);
  });

  it.each([
    ['two of three', { OIDC_ISSUER: base.OIDC_ISSUER, OIDC_CLIENT_ID: 'app' }, /all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/],
    ['a redirect URL alone', { OIDC_REDIRECT_URL: 'https://x.example/cb' }, /OIDC_REDIRECT_URL is set but/],
    ['plain http to another host', { ...base, OIDC_ISSUER: 'http://idp.example.org' }, /must be an https:\/\/ URL/],
    ['not a URL', { ...base, OIDC_ISSUER: 'login.example.org' }, /must be a URL/],
    ['a relative redirect URL', { ...base, OIDC_REDIRECT_URL: '/api/auth/oidc/callback' }, /absolute http\(s\) URL/],
    ['a redirect URL of another scheme', { ...base, OIDC_REDIRECT_URL: 'javascript:alert(1)' }, /absolute http\(s\) URL/],
  ])('refuses %s', (_name, env, message) => {
    expect(() => oidcConfig(env)).toThrow(message);
  });
});
