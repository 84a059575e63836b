import 'server-only';
import type { HeaderAuthConfig } from '../config/schema';
import { Refusal } from '../errors/refusal';
import { addressMatcher, peerAddress } from './peer-address';
import type { Principal } from './principal';

const SAFE_VALUE = /^[^\u0000-\u001f\u007f]{1,256}$/;

/**
 * Identity asserted by a trusted proxy (oauth2-proxy and the like) in
 * headers. Accepted only when the socket peer is one of the configured
 * proxies; from anywhere else the headers are refused, never ignored, so a
 * forged request is visible in the audit log as a 401.
 */
export function authenticateHeader(req: Request, cfg: HeaderAuthConfig): Extract<Principal, { kind: 'user' }> | undefined {
  const user = req.headers.get(cfg.userHeader);
  const groupsHeader = req.headers.get(cfg.groupsHeader);
  const peer = peerAddress(req);
  if (!peer || !addressMatcher(cfg.trustedProxies)(peer)) {
    if (user !== null || groupsHeader !== null) {
      throw new Refusal('unauthenticated', 'untrusted_proxy', `identity headers are only accepted from a trusted proxy; ${peer ?? 'this peer'} is not one`);
    }
    return undefined;
  }
  if (user === null) return undefined;
  if (!SAFE_VALUE.test(user)) throw new Refusal('bad_input', 'bad_identity', `the ${cfg.userHeader} header is not a valid user name`);
  const groups = (groupsHeader ?? '')
    .split(cfg.groupsSeparator)
    .map((g) => g.trim())
    .filter((g) => g.length > 0 && SAFE_VALUE.test(g));
  return { kind: 'user', via: 'header', id: user, groups };
}
