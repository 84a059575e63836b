/**
 * Pod port-forward over WebSocket, as client-node's PortForward speaks it
 * (channel.k8s.io framing): every binary frame starts with a channel byte,
 * data on channel 0 and errors on channel 1 for the (single) port, and the
 * server first sends the port number (2 bytes, little-endian) on each channel.
 * The data channel is bridged to the resolver's server as one connection.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Duplex as DuplexStream } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate, authorize } from './auth';
import type { ServerContext } from './context';
import { badRequest, KubeApiError, notFound, notFoundPath } from './errors';
import { statusOf, toKubeError } from './status';
import type { KubeFaults } from './types';

const PROTOCOLS = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];
const PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/;

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

/** The pod side of a forwarded connection: what the target server reads and writes. */
class ForwardedSocket extends DuplexStream {
  remoteAddress = '127.0.0.1';
  remotePort = 0;
  constructor(private readonly ws: WebSocket) {
    super();
  }
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== this.ws.OPEN) return cb();
    this.ws.send(Buffer.concat([Buffer.from([0]), chunk]), cb);
  }
  override _final(cb: () => void): void {
    this.ws.close(1000);
    cb();
  }
  // http.Server calls these on real sockets.
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
}

// Kept beside the faults object (one per API server) so KubeFaults and its resets stay as they are.
const refusedForwards = new WeakMap<KubeFaults, string>();

/**
 * Makes one API server refuse every pod port-forward as kube-apiserver does when it cannot reach the
 * kubelet: a 500 Status "error dialing backend: ..." in answer to the upgrade. `reason` undefined clears it.
 */
export function refusePortForwards(server: { readonly faults: KubeFaults }, reason?: string): void {
  if (reason === undefined) refusedForwards.delete(server.faults);
  else refusedForwards.set(server.faults, reason);
}

/** Answers a failed upgrade with an HTTP Status response on the raw socket. */
function reject(socket: Duplex, err: KubeApiError): void {
  const body = JSON.stringify(statusOf(err));
  socket.end(`HTTP/1.1 ${err.code} ${STATUS_CODES[err.code] ?? err.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Handles an HTTP upgrade request; only pod port-forward is served. */
export async function handleUpgrade(ctx: ServerContext, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  socket.on('error', () => socket.destroy());
  try {
    if (ctx.faults.delayMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.delayMs));
    const url = new URL(req.url ?? '/', 'https://localhost');
    const token = authenticate(req.headers, ctx.opts.tokens, ctx.faults);
    const m = PATH.exec(url.pathname);
    if (!m) throw notFoundPath();
    const namespace = decodeURIComponent(m[1] ?? '');
    const pod = decodeURIComponent(m[2] ?? '');
    authorize(token, { verb: 'create', resource: 'pods/portforward', group: '', namespace, name: pod });
    if (!ctx.store.get('v1', 'Pod', namespace, pod)) throw notFound({ group: '', plural: 'pods' }, pod);
    const refused = refusedForwards.get(ctx.faults);
    if (refused !== undefined) throw new KubeApiError(500, 'InternalError', `error dialing backend: ${refused}`);
    const port = Number(url.searchParams.get('ports'));
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw badRequest('invalid port: ' + url.searchParams.get('ports'));
    wss.handleUpgrade(req, socket, head, (ws) => bridge(ctx, ws, namespace, pod, port));
  } catch (err) {
    reject(socket, toKubeError(err));
  }
}

function bridge(ctx: ServerContext, ws: WebSocket, namespace: string, pod: string, port: number): void {
  const portBytes = Buffer.from([port & 0xff, port >> 8]);
  ws.send(Buffer.concat([Buffer.from([0]), portBytes]));
  ws.send(Buffer.concat([Buffer.from([1]), portBytes]));
  ws.on('error', () => ws.terminate());
  const target = ctx.opts.portForward?.(namespace, pod, port);
  if (!target) {
    const msg = `error forwarding port ${port} to pod ${pod}, uid : failed to connect to localhost:${port} inside namespace "${namespace}": connection refused`;
    ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(msg)]), () => ws.close(1000));
    return;
  }
  const conn = new ForwardedSocket(ws);
  conn.on('error', () => ws.terminate());
  ws.on('message', (data: Buffer, isBinary) => {
    const buf = isBinary ? data : Buffer.from(data.toString());
    if (buf[0] === 0 && buf.length > 1) conn.push(buf.subarray(1));
  });
  ws.on('close', () => {
    conn.push(null);
    conn.destroy();
  });
  target.emit('connection', conn);
}
