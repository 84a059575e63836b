import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Duplex, PassThrough } from 'node:stream';
import type { KubeConfig, PortForward } from '@kubernetes/client-node';

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

/** An error text for one line of a poll state: whitespace folded, at most `max` characters. */
export function oneLine(text: string, max = 300): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The message of a thrown value; client-node rejects a failed upgrade with a ws ErrorEvent, not an Error. */
const messageOf = (e: unknown): string => (e as { message?: unknown } | undefined)?.message?.toString() || String(e);

/** What client-node's WebSocket (ws) says of any refused upgrade: the status only, the body dropped. */
const BARE_REFUSAL = /^Unexpected server response: \d+$/;

/** The API server's own reason for refusing a pod port-forward, or undefined when it cannot be had. */
export type RefusalReader = (namespace: string, pod: string, port: number) => Promise<string | undefined>;

/**
 * ws drops the Status body of a refused upgrade, the part that says why ("error dialing backend: ..."),
 * and client-node offers no hook before it does. So after such a refusal this asks once more with a bare
 * upgrade request through node:https and reads the answer's message. Only failed tunnels pay for it.
 */
export function refusalReader(kc: KubeConfig, timeoutMs: number): RefusalReader {
  return async (namespace, pod, port) => {
    const server = kc.getCurrentCluster()?.server.replace(/\/+$/, '');
    if (!server) return undefined;
    const opts: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    const url = new URL(`${server}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/portforward?ports=${port}`);
    const headers = { ...(opts.headers as Record<string, string> | undefined), connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64'), 'sec-websocket-protocol': 'v4.channel.k8s.io' };
    const send = url.protocol === 'https:' ? https.request : http.request;
    return await new Promise<string | undefined>((resolve) => {
      const req = send(url, { ...opts, method: 'GET', headers, timeout: timeoutMs });
      const done = (reason: string | undefined) => {
        resolve(reason);
        req.destroy();
        if (opts.agent instanceof http.Agent) opts.agent.destroy();
      };
      req.on('upgrade', (_res, socket) => {
        socket.destroy(); // accepted this time: nothing to explain
        done(undefined);
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (text.length < 16_384) text += c;
        });
        res.on('end', () => done(statusText(res.statusCode ?? 0, text)));
        res.on('error', () => done(undefined));
      });
      req.on('timeout', () => done(undefined));
      req.on('error', () => done(undefined));
      req.end();
    });
  };
}

/** A Kubernetes Status body's message, else the body itself, else the HTTP reason phrase. */
function statusText(status: number, text: string): string | undefined {
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (typeof j.message === 'string' && j.message) return oneLine(j.message);
  } catch {
    // not JSON
  }
  return oneLine(text) || http.STATUS_CODES[status];
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
    /** Asked for the API server's reason when an upgrade is refused with nothing but a status. */
    private readonly readRefusal?: RefusalReader,
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
    const where = `port-forward to ${this.namespace}/${this.pod}:${this.port}`;
    try {
      t.ws = (await this.pf.portForward(this.namespace, this.pod, [this.port], output, errors, input)) as unknown as { close(): void };
    } catch (e) {
      const bare = oneLine(messageOf(e));
      const reason = BARE_REFUSAL.test(bare) ? await this.readRefusal?.(this.namespace, this.pod, this.port).catch(() => undefined) : undefined;
      throw new Error(`${where}: ${reason ? `${reason} (${bare})` : bare}`, { cause: e });
    }
    if (this.closed) {
      closeTunnel(t);
      throw new Error('port-forward session closed');
    }
    const socket = Duplex.from({ readable: output, writable: input });
    errors.on('data', (d: Buffer) => socket.destroy(new Error(`${where}: ${oneLine(d.toString('utf8')) || 'error'}`)));
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
