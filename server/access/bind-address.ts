import 'server-only';
import path from 'node:path';

/**
 * The address the HTTP server listens on, as Next decides it: `next start`
 * and `next dev` take `-H/--hostname` (default 0.0.0.0, every interface);
 * the standalone `server.js` reads HOSTNAME. MESHGLASS_BIND_ADDRESS
 * overrides both for other launchers. Undefined means every interface.
 */
export function bindAddress(argv: readonly string[] = process.argv, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.MESHGLASS_BIND_ADDRESS) return env.MESHGLASS_BIND_ADDRESS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-H' || a === '--hostname') return argv[i + 1];
    if (a.startsWith('--hostname=')) return a.slice('--hostname='.length);
  }
  const script = argv[1] ? path.basename(argv[1]) : '';
  if (script === 'server.js' && env.HOSTNAME) return env.HOSTNAME;
  return undefined;
}

/** Whether a bind address (name or IP) only accepts loopback connections. */
export function isLoopbackBind(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.replace(/^\[|\]$/g, '').toLowerCase();
  return a === 'localhost' || a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}
