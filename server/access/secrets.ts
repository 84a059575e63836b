import 'server-only';
import { hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AuthConfig } from '../config/schema';

/** Separate keys per use, derived from one configured secret. */
export interface AccessKeys {
  /** A256GCM key of the session cookie (JWE, dir). */
  session: Uint8Array;
  /** HS256 key of share links. */
  shareLinks: Uint8Array;
  /** HMAC key of CSRF tokens and the OIDC login transaction cookie. */
  csrf: Uint8Array;
  /** Whether the secret came from the config; a random one dies with the process. */
  configured: boolean;
}

const derive = (ikm: Buffer, info: string) => new Uint8Array(hkdfSync('sha256', ikm, 'meshglass', info, 32));

/**
 * Keys from auth.secret / auth.secretFile. Without one, a random secret per
 * process: sessions and share links then end at restart and differ between
 * replicas, which is fine for local use only.
 */
export function loadAccessKeys(auth: Pick<AuthConfig, 'secret' | 'secretFile'>, resolvePath: (p: string) => string): AccessKeys {
  let secret: string | undefined = auth.secret;
  if (auth.secretFile) secret = readFileSync(/* turbopackIgnore: true */ resolvePath(auth.secretFile), 'utf8').trim();
  if (secret !== undefined && secret.length < 32) throw new Error('auth.secretFile: the secret must be at least 32 characters');
  const ikm = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  return { session: derive(ikm, 'session'), shareLinks: derive(ikm, 'share-links'), csrf: derive(ikm, 'csrf'), configured: secret !== undefined };
}
