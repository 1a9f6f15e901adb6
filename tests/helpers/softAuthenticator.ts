// A software passkey for integration tests: an ES256 key pair that answers WebAuthn ceremonies the
// way a platform authenticator does ("none" attestation), so the server's real verification
// (@simplewebauthn/server) runs on every request. The e2e tests use Chromium's virtual authenticator.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64u = (b: Uint8Array | Buffer) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

interface Options {
  challenge: string;
  rp?: { id?: string };
  rpId?: string;
  user?: { id: string };
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly key: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;
  private userHandle = '';

  constructor(readonly origin: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.key = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  }

  get id(): string {
    return b64u(this.credentialId);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin = this.origin) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The RegistrationResponseJSON for `navigator.credentials.create` with these options. */
  register(options: Options, origin?: string) {
    this.userHandle = options.user?.id ?? '';
    const rpId = options.rp?.id ?? new URL(this.origin).hostname;
    const cose = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(this.publicJwk.x, 'base64url')],
      [-3, Buffer.from(this.publicJwk.y, 'base64url')],
    ]);
    const coseBytes = isoCBOR.encode(cose);
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([0x45]),
      Buffer.alloc(4),
      Buffer.alloc(16),
      idLen,
      this.credentialId,
      Buffer.from(coseBytes),
    ]);
    const attestation = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64u(this.clientData('webauthn.create', options.challenge, origin)),
        attestationObject: b64u(attestation),
        transports: ['internal'],
        publicKeyAlgorithm: -7,
      },
      clientExtensionResults: {},
    };
  }

  /** The AuthenticationResponseJSON for `navigator.credentials.get`; `tamper` breaks the signature. */
  authenticate(options: Options, opts: { origin?: string; tamper?: boolean } = {}) {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(++this.counter);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x05]), counter]);
    const clientData = this.clientData('webauthn.get', options.challenge, opts.origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.key);
    if (opts.tamper) signature.writeUInt8(signature.readUInt8(signature.length - 1) ^ 0xff, signature.length - 1);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64u(clientData),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
        userHandle: this.userHandle,
      },
      clientExtensionResults: {},
    };
  }
}

/** A cookie-keeping HTTP client for one "browser" against a test server (sends its Origin like a browser). */
export class Browser {
  cookie = '';
  constructor(
    readonly base: string,
    readonly origin = base,
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; setCookie: string | null }> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.origin ? { origin: this.origin } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = /=$/.test(pair!) ? '' : pair!;
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, setCookie };
  }

  /** Creates an account with a new software passkey; returns the passkey and the recovery codes. */
  async register(name = 'Chair of the ACCSM'): Promise<{ passkey: SoftAuthenticator; recoveryCodes: string[]; accountId: string }> {
    const passkey = new SoftAuthenticator(this.base);
    const opts = await this.call<{ challengeId: string; options: Options }>('POST', '/api/auth/passkey/register/options', { name });
    if (opts.status !== 200) throw new Error(`register options: ${opts.status} ${JSON.stringify(opts.body)}`);
    const done = await this.call<{ account: { id: string }; recoveryCodes: string[] }>('POST', '/api/auth/passkey/register/verify', {
      challengeId: opts.body.challengeId,
      name,
      response: passkey.register(opts.body.options),
    });
    if (done.status !== 201) throw new Error(`register: ${done.status} ${JSON.stringify(done.body)}`);
    return { passkey, recoveryCodes: done.body.recoveryCodes, accountId: done.body.account.id };
  }

  async signIn(passkey: SoftAuthenticator, opts: { tamper?: boolean } = {}) {
    const o = await this.call<{ challengeId: string; options: Options }>('POST', '/api/auth/passkey/login/options', {});
    return this.call('POST', '/api/auth/passkey/login/verify', {
      challengeId: o.body.challengeId,
      response: passkey.authenticate(o.body.options, opts),
    });
  }
}
