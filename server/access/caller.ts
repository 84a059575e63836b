import 'server-only';
import { Refusal } from '../errors/refusal';
import type { AccessConfig } from './access-config';
import { authenticateHeader } from './header-auth';
import { isLoopback, peerAddress, peerStampInstalled } from './peer-address';
import type { Principal } from './principal';
import { resolveAccess, type Access } from './resolve-scope';
import { readSession } from './session';
import { readShareCookie, SHARE_COOKIE } from './share-links';
import { clearCookie } from './cookies';

/** Who is asking and what they may see: the one place a request becomes a scope. */
export interface Caller {
  principal: Principal;
  access: Access;
}

const unauthenticated = (mode: string) =>
  new Refusal('unauthenticated', 'unauthenticated', mode === 'oidc' ? 'not logged in, or the session expired: log in at /api/v1/auth/login' : 'no identity: requests must come through the authenticating proxy', { 'www-authenticate': mode === 'oidc' ? 'OIDC realm="meshglass"' : 'Proxy realm="meshglass"' });

/** The identity a request proves in the configured mode; undefined when it proves none. */
async function authenticate(req: Request, cfg: AccessConfig): Promise<Principal | undefined> {
  const { auth } = cfg;
  if (auth.mode === 'oidc') return readSession(req, cfg.keys.session);
  if (auth.mode === 'header' && auth.header) return authenticateHeader(req, auth.header);
  const peer = peerAddress(req);
  // Anonymous access is for a dashboard on this machine: refuse other peers unless allowed.
  // No stamp and no stamping server means an in-process call (tests): there is no remote peer.
  const remote = peer ? !isLoopback(peer) : peerStampInstalled();
  if (!auth.anonymous.allowNonLoopback && remote) {
    throw new Refusal('forbidden', 'not_loopback', `anonymous access is limited to loopback callers; ${peer ?? 'this peer'} is not (see auth.anonymous.allowNonLoopback)`);
  }
  return undefined;
}

/**
 * Resolves a request: a proven identity first, then a share-link cookie,
 * then (in anonymous mode only) the anonymous role. A share cookie that is
 * forged, expired or revoked is refused outright rather than ignored.
 */
export async function resolveCaller(req: Request, cfg: AccessConfig): Promise<Caller> {
  const bindings = { workspaces: cfg.workspaces, bindings: cfg.bindings, anonymous: cfg.auth.anonymous };
  let principal = await authenticate(req, cfg);
  if (!principal) {
    const share = cfg.shareLinks.enabled ? await readShareCookie(req, cfg.keys.shareLinks, revocationsFile(cfg)) : undefined;
    if (typeof share === 'string') {
      throw new Refusal('unauthenticated', 'bad_share_link', `the share link is ${share}; ask for a new one`, { 'set-cookie': clearCookie(SHARE_COOKIE, { secure: false }) });
    }
    principal = share ?? (cfg.auth.mode === 'anonymous' ? { kind: 'anonymous' } : undefined);
  }
  if (!principal) throw unauthenticated(cfg.auth.mode);
  return { principal, access: resolveAccess(principal, bindings) };
}

/** The absolute path of the share-link revocations file, if configured. */
export function revocationsFile(cfg: AccessConfig): string | undefined {
  return cfg.shareLinks.revocationsFile ? cfg.resolvePath(cfg.shareLinks.revocationsFile) : undefined;
}
