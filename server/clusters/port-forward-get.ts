import 'server-only';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { Duplex, PassThrough } from 'node:stream';
import type { PortForward } from '@kubernetes/client-node';

/** The answer of one HTTP GET made over a pod port-forward. */
export interface ForwardedResponse {
  status: number;
  body: string;
  /** SHA-1 of the body's bytes (base64), when the transport computed it while reading. */
  digest?: string;
}

/**
 * One HTTP GET to `port` of a pod, through the cluster's API server
 * (a port-forward, as istioctl and Kiali reach istiod's debug endpoints), with
 * a time-out over the whole exchange. The tunnel is closed afterwards.
 * `pf` comes from KubeClient.portForward(), which shares the client's TLS agent.
 */
export async function portForwardGet(pf: PortForward, namespace: string, pod: string, port: number, path: string, timeoutMs: number, maxBytes = 32 * 1024 * 1024): Promise<ForwardedResponse> {
  const output = new PassThrough();
  const errors = new PassThrough();
  const input = new PassThrough();
  let ws: { close(): void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`GET ${path} on ${namespace}/${pod}:${port} timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
  });
  const exchange = (async () => {
    ws = (await pf.portForward(namespace, pod, [port], output, errors, input)) as unknown as { close(): void };
    const socket = Duplex.from({ readable: output, writable: input });
    return await new Promise<ForwardedResponse>((resolve, reject) => {
      errors.on('data', (d: Buffer) => reject(new Error(`port-forward to ${namespace}/${pod}:${port}: ${d.toString('utf8').trim() || 'error'}`)));
      const req = http.request({ host: 'localhost', port, path, method: 'GET', headers: { accept: 'application/json' }, createConnection: () => socket as unknown as import('node:net').Socket });
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            res.destroy();
            reject(new Error(`GET ${path}: answer larger than ${maxBytes} bytes`));
          } else chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.end();
    });
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    clearTimeout(timer);
    exchange.catch(() => undefined);
    try {
      ws?.close();
    } catch {
      // already closed
    }
    input.destroy();
    output.destroy();
  }
}

type Tunnel = { ws?: { close(): void }; streams: PassThrough[] };

/**
 * Several GETs to one pod port over one port-forward, with HTTP keep-alive:
 * an istiod poll asks four paths, and each tunnel costs a WebSocket upgrade
 * and a TLS handshake with the API server (most of a quiet poll's CPU). A new
 * tunnel is opened only when the server closed the last one. Each GET has its
 * own time-out, tunnel set-up included; close() ends every tunnel.
 */
export class PortForwardSession {
  private readonly agent: http.Agent;
  private readonly tunnels: Tunnel[] = [];
  private closed = false;
  /** Tunnels opened so far (for tests and benchmarks). */
  opened = 0;

  constructor(
    private readonly pf: PortForward,
    private readonly namespace: string,
    private readonly pod: string,
    private readonly port: number,
    private readonly timeoutMs: number,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {
    // One socket at a time, kept between GETs; the tunnel's Duplex has none of net.Socket's keep-alive knobs, so those steps are no-ops.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    Object.assign(agent, {
      createConnection: (_o: unknown, cb: (err: Error | null, s?: Duplex) => void) => {
        this.open().then((s) => cb(null, s), (e: Error) => cb(e));
        return undefined;
      },
      keepSocketAlive: () => true,
      reuseSocket: () => undefined,
    });
    this.agent = agent;
  }

  private async open(): Promise<Duplex> {
    if (this.closed) throw new Error('port-forward session closed');
    const t: Tunnel = { streams: [new PassThrough(), new PassThrough(), new PassThrough()] };
    const [output, errors, input] = t.streams as [PassThrough, PassThrough, PassThrough];
    this.tunnels.push(t);
    this.opened++;
    t.ws = (await this.pf.portForward(this.namespace, this.pod, [this.port], output, errors, input)) as unknown as { close(): void };
    if (this.closed) {
      closeTunnel(t);
      throw new Error('port-forward session closed');
    }
    const socket = Duplex.from({ readable: output, writable: input });
    errors.on('data', (d: Buffer) => socket.destroy(new Error(`port-forward to ${this.namespace}/${this.pod}:${this.port}: ${d.toString('utf8').trim() || 'error'}`)));
    return socket;
  }

  /** One GET; the answer's status and body (never an exception for an HTTP status). */
  get(path: string): Promise<ForwardedResponse> {
    return new Promise<ForwardedResponse>((resolve, reject) => {
      const req = http.request({ host: 'localhost', port: this.port, path, method: 'GET', headers: { accept: 'application/json' }, agent: this.agent });
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(e);
      };
      const timer = setTimeout(() => {
        const e = Object.assign(new Error(`GET ${path} on ${this.namespace}/${this.pod}:${this.port} timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' });
        fail(e);
        req.destroy(e);
      }, this.timeoutMs);
      req.on('error', fail);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        const hash = createHash('sha1');
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > this.maxBytes) {
            res.destroy();
            fail(new Error(`GET ${path}: answer larger than ${this.maxBytes} bytes`));
          } else {
            chunks.push(c);
            hash.update(c);
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          // The body is decoded only when read: a caller that finds the digest unchanged never decodes it.
          let text: string | undefined;
          resolve({
            status: res.statusCode ?? 0,
            digest: hash.digest('base64'),
            get body() {
              return (text ??= Buffer.concat(chunks).toString('utf8'));
            },
          });
        });
        res.on('error', fail);
      });
      req.end();
    });
  }

  close(): void {
    this.closed = true;
    this.agent.destroy();
    for (const t of this.tunnels.splice(0)) closeTunnel(t);
  }
}

function closeTunnel(t: Tunnel): void {
  try {
    t.ws?.close();
  } catch {
    // already closed
  }
  for (const s of t.streams) s.destroy();
}
