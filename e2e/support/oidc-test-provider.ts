import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** A real OpenID provider (oidc-provider) on a loopback port with its built-in login and consent pages. */
export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts oidc-provider with one confidential client that must use PKCE.
 * Any login name works (dev interactions); the account's claims give it the
 * groups `ops` so bindings by group can be tested.
 */
export async function startTestProvider(opts: { port: number; clientId: string; clientSecret: string; redirectUri: string }): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: opts.clientId, client_secret: opts.clientSecret, redirect_uris: [opts.redirectUri], response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_post' }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'groups'],
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id, name: `Test ${id}`, groups: ['ops'] }) }),
    cookies: { keys: ['e2e-only-cookie-key-0123456789abcdef'] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    stop: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
