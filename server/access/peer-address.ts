import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * The socket address of the caller, as a request header that only this
 * process can set. Next's route handlers do not expose the socket, and
 * Next's own `x-forwarded-for` is set with `??=` (base-server.js), so a
 * client that sends the header chooses its value: it cannot be trusted.
 * We stamp the real peer on every request as the HTTP server emits it,
 * overwriting anything a client sent under the same name.
 */
export const PEER_HEADER = 'x-meshglass-peer';

const INSTALLED = Symbol.for('meshglass.peer-stamp');

/** Wraps http(s).Server#emit once per process so every 'request' carries the peer address. */
export function installPeerStamp(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as Array<http.Server & { [INSTALLED]?: true }>) {
    if (proto[INSTALLED]) continue;
    const original = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request') {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = normalizeAddress(req.socket.remoteAddress ?? '');
      }
      return original.call(this, event, ...args);
    } as typeof proto.emit;
    proto[INSTALLED] = true;
  }
}

/** Whether this process's HTTP servers stamp requests (false for in-process calls, as in tests, where no socket exists). */
export function peerStampInstalled(): boolean {
  return (http.Server.prototype as http.Server & { [INSTALLED]?: true })[INSTALLED] === true;
}

/** The peer address of a request, or undefined when the stamp is missing (callers then fail closed). */
export function peerAddress(req: Request): string | undefined {
  const v = req.headers.get(PEER_HEADER);
  return v && isIP(v) ? v : undefined;
}

/** '::ffff:10.0.0.1' -> '10.0.0.1', so IPv4 rules match dual-stack sockets. */
export function normalizeAddress(addr: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m?.[1] ?? addr;
}

/** Whether an address is loopback (127.0.0.0/8 or ::1). */
export function isLoopback(addr: string): boolean {
  const a = normalizeAddress(addr);
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** A matcher for addresses and CIDR blocks as written in the config. */
export function addressMatcher(entries: readonly string[]): (addr: string) => boolean {
  const list = new BlockList();
  for (const e of entries) {
    const [ip = '', bits] = e.split('/');
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return (addr) => {
    const a = normalizeAddress(addr);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}
