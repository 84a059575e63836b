import 'server-only';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';

/**
 * Encrypted, expiring tokens (JWE, dir + A256GCM) for cookies: the browser
 * holds them but can neither read nor alter them.
 */
export async function seal(payload: JWTPayload, key: Uint8Array, purpose: string, ttlSeconds: number): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: purpose })
    .setIssuedAt()
    .setAudience(`meshglass:${purpose}`)
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .encrypt(key);
}

/** The payload of a sealed token, or undefined when it is tampered with, expired or for another purpose. */
export async function unseal(token: string, key: Uint8Array, purpose: string): Promise<JWTPayload | undefined> {
  if (token.length > 8192) return undefined;
  try {
    const { payload } = await jwtDecrypt(token, key, { audience: `meshglass:${purpose}`, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return payload;
  } catch {
    return undefined;
  }
}
