import 'server-only';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { PortForward, type KubeConfig } from '@kubernetes/client-node';

/** An HTTP error answer from a Kubernetes API server. */
export class KubeHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'KubeHttpError';
  }
}

/** The message of a Kubernetes Status body, else the raw text (cut short). */
function statusMessage(status: number, text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (typeof j.message === 'string') return j.message.trim();
  } catch {
    // not JSON
  }
  // Plain-text bodies end in a newline ("404 page not found\n"): it must not end up in a reason.
  return text.trim().slice(0, 200) || http.STATUS_CODES[status] || 'error';
}

/** The TLS settings applyToHTTPSOptions resolves; an exec plugin may rotate cert and key, a caFile may be rewritten. */
const TLS_FIELDS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;
type TlsMaterial = Pick<https.RequestOptions, (typeof TLS_FIELDS)[number]>;

function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}

/** Only the fields that are set: an explicit `rejectUnauthorized: undefined` would turn verification off in tls.connect. */
function materialOf(opts: https.RequestOptions): TlsMaterial {
  const m: Record<string, unknown> = {};
  for (const f of TLS_FIELDS) if (opts[f] !== undefined) m[f] = opts[f];
  return m as TlsMaterial;
}

const sameMaterial = (a: TlsMaterial, b: TlsMaterial) => TLS_FIELDS.every((f) => sameValue(a[f], b[f]));

/** How many times one request may find its pooled socket closed by the server before it gives up. */
const STALE_SOCKET_RETRIES = 3;

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), { name: 'AbortError', code: 'ABORT_ERR' });
}

/** Lets requests in flight finish on an agent that is being replaced, closing each socket as it frees up. */
function retire(agent: http.Agent): void {
  // Node's agent reads keepAlive when a socket is freed: false destroys it instead of pooling it.
  (agent as http.Agent & { keepAlive: boolean }).keepAlive = false;
  dropIdleSockets(agent);
}

function dropIdleSockets(agent: http.Agent): void {
  for (const list of Object.values(agent.freeSockets)) for (const s of list ?? []) s.destroy();
}

/**
 * Minimal HTTP access to one cluster's API server through its KubeConfig
 * (TLS, bearer token, client certificates, exec plugins). We drive
 * node:http(s) ourselves rather than client-node's informer so that list,
 * watch, time-outs and errors are ours to classify and recover from.
 *
 * One keep-alive agent per client, with its TLS context built once: at fleet
 * scale a secure context and a full handshake per request (every page, watch
 * and port-forward) cost more CPU than the lists themselves.
 */
export class KubeClient {
  readonly server: string;
  private readonly plainHttp: boolean;
  /** client-node builds proxy agents (http, https, socks) itself; those clusters keep its agent per request. */
  private readonly proxied: boolean;
  private agent?: http.Agent;
  private material?: TlsMaterial;
  private forwarder?: PortForward;
  private closed = false;

  constructor(readonly kubeConfig: KubeConfig, private readonly timeoutMs: number) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the context names no cluster');
    if (!/^https?:\/\//.test(cluster.server)) throw new Error(`server URL "${cluster.server}" is not http(s)`);
    this.server = cluster.server.replace(/\/+$/, '');
    this.plainHttp = this.server.startsWith('http:');
    this.proxied = Boolean(cluster.proxyUrl);
  }

  /**
   * Headers, basic auth and the agent for one request. applyToHTTPSOptions
   * runs every time because exec, OIDC and file token providers refresh
   * their tokens there; only the TLS context and the sockets are reused.
   */
  private async requestOptions(): Promise<{ headers: Record<string, string>; auth?: string; agent: http.Agent }> {
    const opts: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(opts);
    return { headers: { ...(opts.headers as Record<string, string> | undefined) }, auth: opts.auth ?? undefined, agent: this.agentFor(opts) };
  }

  /** The shared agent, rebuilt when the TLS material changed (a rotated exec certificate). */
  private agentFor(opts: https.RequestOptions): http.Agent {
    if (this.proxied && opts.agent instanceof http.Agent) return opts.agent;
    if (this.closed) throw new Error('client closed');
    const material = materialOf(opts);
    if (this.agent && this.material && sameMaterial(material, this.material)) return this.agent;
    if (this.agent) retire(this.agent);
    this.material = material;
    if (this.plainHttp) {
      this.agent = new http.Agent({ keepAlive: true });
    } else {
      const { rejectUnauthorized, servername, ...context } = material;
      this.agent = new https.Agent({
        keepAlive: true,
        secureContext: tls.createSecureContext(context),
        ...(rejectUnauthorized !== undefined ? { rejectUnauthorized } : {}),
        ...(servername !== undefined ? { servername } : {}),
      });
    }
    return this.agent;
  }

  /**
   * A PortForward whose websockets go through this client's agent, so an
   * istiod poll reuses the TLS context (and a pooled socket when one is free)
   * instead of building both per tunnel. client-node's WebSocketHandler reads
   * only getCurrentCluster and applyToHTTPSOptions from the config it is given.
   */
  portForward(): PortForward {
    if (!this.forwarder) {
      const kc = this.kubeConfig;
      const viaAgent = Object.create(kc) as KubeConfig;
      viaAgent.applyToHTTPSOptions = async (opts) => {
        const o = opts as https.RequestOptions;
        await kc.applyToHTTPSOptions(o);
        o.agent = this.agentFor(o);
        for (const f of TLS_FIELDS) delete o[f];
      };
      this.forwarder = new PortForward(viaAgent);
    }
    return this.forwarder;
  }

  /** Closes the pooled sockets; requests after this fail. */
  close(): void {
    this.closed = true;
    this.agent?.destroy();
    this.agent = undefined;
  }

  private async open(path: string, signal: AbortSignal | undefined, timeoutMs: number): Promise<http.IncomingMessage> {
    const url = new URL(this.server + path);
    const mod = url.protocol === 'http:' ? http : https;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      const { headers, auth, agent } = await this.requestOptions();
      try {
        return await new Promise<http.IncomingMessage>((resolve, reject) => {
          const req = mod.request(url, { method: 'GET', headers: { ...headers, accept: 'application/json' }, auth, agent });
          let response: http.IncomingMessage | undefined;
          // Not http.request's `signal`: an abort after the response completed would destroy a socket that is
          // already on its way back to the pool, with no error listener (an uncaught exception).
          const onAbort = () => {
            if (!response?.complete) req.destroy(abortError(signal!));
          };
          signal?.addEventListener('abort', onAbort, { once: true });
          req.once('close', () => signal?.removeEventListener('abort', onAbort));
          // Time-out until the response headers arrive; the body has its own handling.
          const timer = setTimeout(() => req.destroy(Object.assign(new Error(`request timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
          req.on('response', (res) => {
            clearTimeout(timer);
            response = res;
            resolve(res);
          });
          req.on('error', (err) => {
            clearTimeout(timer);
            reject(Object.assign(err, { reusedSocket: req.reusedSocket }));
          });
          req.end();
        });
      } catch (err) {
        // A pooled socket the server closed as we picked it up (its idle time-out). Sockets pooled together go
        // stale together: drop the idle ones and retry on a fresh connection (GETs are idempotent).
        const e = err as { code?: unknown; reusedSocket?: boolean };
        if (attempt < STALE_SOCKET_RETRIES && e.reusedSocket && e.code === 'ECONNRESET' && !signal?.aborted) {
          dropIdleSockets(agent);
          continue;
        }
        throw err;
      }
    }
  }

  /** GETs a path and parses the JSON answer; throws KubeHttpError for non-2xx. */
  async getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const res = await this.open(path, signal, this.timeoutMs);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => res.destroy(Object.assign(new Error(`response body timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })), this.timeoutMs);
    try {
      for await (const c of res) chunks.push(c as Buffer);
    } finally {
      clearTimeout(timer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) throw new KubeHttpError(status, statusMessage(status, text));
    return JSON.parse(text) as unknown;
  }

  /**
   * Opens a streaming GET (a watch) and calls onLine for each line until the
   * server ends the stream (resolves) or it fails (rejects). `onOpen` runs
   * once the server has accepted the request.
   */
  async stream(path: string, onOpen: () => void, onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    const res = await this.open(path, signal, this.timeoutMs);
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      throw new KubeHttpError(status, statusMessage(status, Buffer.concat(chunks).toString('utf8')));
    }
    onOpen();
    let buf = '';
    res.setEncoding('utf8');
    for await (const chunk of res) {
      buf += chunk as string;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) onLine(line);
      }
    }
    if (buf.trim()) onLine(buf.trim());
  }
}
