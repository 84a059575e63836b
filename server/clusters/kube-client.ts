import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

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
    if (typeof j.message === 'string') return j.message;
  } catch {
    // not JSON
  }
  return text.slice(0, 200) || http.STATUS_CODES[status] || 'error';
}

/**
 * Minimal HTTP access to one cluster's API server through its KubeConfig
 * (TLS, bearer token, client certificates, exec plugins). We drive
 * node:http(s) ourselves rather than client-node's informer so that list,
 * watch, time-outs and errors are ours to classify and recover from.
 */
export class KubeClient {
  readonly server: string;

  constructor(readonly kubeConfig: KubeConfig, private readonly timeoutMs: number) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the context names no cluster');
    if (!/^https?:\/\//.test(cluster.server)) throw new Error(`server URL "${cluster.server}" is not http(s)`);
    this.server = cluster.server.replace(/\/+$/, '');
  }

  private async open(path: string, signal: AbortSignal | undefined, timeoutMs: number): Promise<http.IncomingMessage> {
    const opts: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(opts);
    const url = new URL(this.server + path);
    const mod = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const req = mod.request(url, { ...opts, method: 'GET', headers: { ...(opts.headers as Record<string, string>), accept: 'application/json' }, signal });
      // Time-out until the response headers arrive; the body has its own handling.
      const timer = setTimeout(() => req.destroy(Object.assign(new Error(`request timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
      req.on('response', (res) => {
        clearTimeout(timer);
        resolve(res);
      });
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.end();
    });
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
