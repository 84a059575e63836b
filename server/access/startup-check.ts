import 'server-only';
import type { MeshglassConfig } from '../config/schema';
import { bindAddress, isLoopbackBind } from './bind-address';
import { installPeerStamp } from './peer-address';

/**
 * Checks run once at start, before requests are served. Throws (the server
 * then exits with the message) when anonymous access would be exposed
 * beyond this machine without auth.anonymous.allowNonLoopback.
 */
export function checkAccessAtStart(config: MeshglassConfig, argv: readonly string[] = process.argv, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const { auth } = config;
  // A `next dev` worker gets its hostname over IPC, not argv; there the per-request peer check stands alone.
  if (auth.mode === 'anonymous' && !auth.anonymous.allowNonLoopback && env.NEXT_PRIVATE_WORKER !== '1') {
    const addr = bindAddress(argv, env);
    if (!isLoopbackBind(addr)) {
      throw new Error(
        `auth.mode is anonymous but the server listens on ${addr ?? 'every interface (no -H/--hostname given)'}: ` +
          'start it with -H 127.0.0.1, choose auth.mode header or oidc, or set auth.anonymous.allowNonLoopback: true',
      );
    }
  }
}

/**
 * Installs what access control needs in the HTTP server (the peer-address
 * stamp) and runs the start checks; on failure prints why and exits, like a
 * bad config does.
 */
export function startAccessControlOrExit(config: MeshglassConfig): void {
  installPeerStamp();
  try {
    checkAccessAtStart(config);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
