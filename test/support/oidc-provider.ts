// A real OpenID Connect provider (the `oidc-provider` package) on a free loopback port, for the
// single sign-on suite: one confidential client, accounts the test defines, PKCE required, and an
// interaction handler that signs in whichever account the test names (no login form to fill in).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's people: account id -> their claims (`sub` is the id). */
  accounts: Map<string, Record<string, unknown>>;
  /** Who the next sign-in at the provider is. */
  signInAs: string;
  /** Lifetime of authorization codes issued from now on. */
  codeTtlSeconds: number;
  /** Rewrites the nonce of authorization requests, so that ID tokens carry one the client never sent. */
  tamperNonce: boolean;
  close(): Promise<void>;
}

/** The provider's storage (its own in-memory one warns on every start): one map per model, in this process. */
function memoryAdapter() {
  const rows = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  const live = (key: string) => {
    const row = rows.get(key);
    if (row && row.expiresAt < Date.now()) rows.delete(key);
    return rows.get(key)?.payload;
  };
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
      rows.set(this.key(id), { payload, expiresAt: Date.now() + (expiresIn || 3600) * 1000 });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      for (const [key] of rows) if (key.startsWith(`${this.model}:`) && live(key)?.uid === uid) return live(key);
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [key] of rows) if (key.startsWith(`${this.model}:`) && live(key)?.userCode === userCode) return live(key);
      return undefined;
    }
    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      rows.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, row] of rows) if (row.payload.grantId === grantId) rows.delete(key);
    }
  };
}

export async function startOidcProvider(options: { redirectUris: string[] }): Promise<OidcTestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const harness: OidcTestProvider = {
    issuer,
    clientId: 'phoihop',
    clientSecret: randomBytes(24).toString('base64url'),
    accounts: new Map(),
    signInAs: '',
    codeTtlSeconds: 60,
    tamperNonce: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: harness.clientId,
        client_secret: harness.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'groups'], email: ['email', 'email_verified'] },
    // Like Keycloak: the scopes' claims in the ID token itself, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: () => harness.codeTtlSeconds, AccessToken: 300, IdToken: 300, Grant: 600, Interaction: 600, Session: 600 },
    findAccount: async (_ctx: unknown, id: string) => {
      const claims = harness.accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ ...claims, sub: id }) } : undefined;
    },
  });
  const oidc = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, harness, req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
      return;
    }
    if (harness.tamperNonce && req.url?.startsWith('/auth?')) {
      const url = new URL(req.url, issuer);
      url.searchParams.set('nonce', 'not-the-nonce-the-client-sent');
      req.url = `${url.pathname}${url.search}`;
    }
    oidc(req, res);
  };
  return harness;
}

/** The provider asks who the person is (login), then what they allow (consent): answered at once. */
async function interact(provider: Provider, harness: OidcTestProvider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: harness.signInAs } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = new provider.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}
