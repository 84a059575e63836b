/**
 * A real HTTPS server speaking the Kubernetes REST API for one simulated
 * cluster, backed by a MemoryClusterStore. Kubeconfigs point at `url` with
 * certificate-authority-data = the CA passed in opts.tls.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { issueServerCert } from '../pki';
import type { OpenWatch, ServerContext } from './context';
import { handleUpgrade } from './port-forward';
import { handleRequest } from './request-handler';
import { MemoryClusterStore } from './store';
import type { KubeApiServer, KubeApiServerOptions, KubeFaults, TokenSpec } from './types';

const NORMAL_HISTORY = 10_000;
const EXPIRING_HISTORY = 3;
const EXPIRE_EVERY_MS = 2_000;

/** Starts the API server on 127.0.0.1 (port 0 = any free port). Requires a store from createClusterStore(). */
export async function startKubeApiServer(opts: KubeApiServerOptions): Promise<KubeApiServer> {
  if (!(opts.store instanceof MemoryClusterStore)) throw new Error('startKubeApiServer needs a store from createClusterStore()');
  const store = opts.store;
  const host = opts.host ?? '127.0.0.1';
  const cert = issueServerCert({ certPem: opts.tls.caCertPem, keyPem: opts.tls.caKeyPem }, {
    commonName: `kube-apiserver.${opts.clusterName}`,
    altNames: ['localhost', '127.0.0.1', '::1', host, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc'],
  });
  const faults: KubeFaults = { refuseConnections: false, delayMs: 0, rejectAllTokens: false, expireWatches: false };
  const sockets = new Set<Socket>();
  const watches = new Set<OpenWatch>();
  let port = opts.port ?? 0;
  let historyLimit = store.history.limit || NORMAL_HISTORY;
  let expiryTimer: NodeJS.Timeout | undefined;

  // A copy, so a rules change at run time stays with this server (callers may share one token list).
  const tokens = opts.tokens.map((t) => ({ ...t }));
  const ctx: ServerContext = {
    opts: { ...opts, tokens },
    store,
    faults,
    watches,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 3_000,
    serverAddress: () => `${host}:${port}`,
  };
  const server: Server = createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => void handleRequest(ctx, req, res));
  // kube-apiserver keeps idle connections open; Node's 5 s default, with the event loop busy at fleet scale,
  // closed keep-alive sockets just as clients sent the next page on them (socket hang up / ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => void handleUpgrade(ctx, req, socket, head));
  // Hostile clients (TLS garbage, resets) must not take the process down.
  server.on('tlsClientError', (_err, s) => s.destroy());
  server.on('clientError', (_err, s) => s.destroy());
  server.on('error', (err) => console.error(`[sim/kube ${opts.clusterName}] server error`, err));

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      [...watches].forEach((w) => w.end());
      sockets.forEach((s) => s.destroy());
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const setExpiry = (on: boolean): void => {
    if (on) {
      historyLimit = store.history.limit;
      store.history.setLimit(EXPIRING_HISTORY);
      expiryTimer ??= setInterval(() => [...watches].forEach((w) => w.end(true)), EXPIRE_EVERY_MS);
    } else {
      store.history.setLimit(historyLimit);
      clearInterval(expiryTimer);
      expiryTimer = undefined;
    }
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
    },
    caCertPem: opts.tls.caCertPem,
    faults,
    async setFaults(patch: Partial<KubeFaults>): Promise<void> {
      const wasRefusing = faults.refuseConnections;
      const wasExpiring = faults.expireWatches;
      Object.assign(faults, patch);
      if (faults.expireWatches !== wasExpiring) setExpiry(faults.expireWatches);
      if (faults.refuseConnections && !wasRefusing) await close();
      if (!faults.refuseConnections && wasRefusing) await listen();
    },
    setTokenRules(token: string, rules: TokenSpec['rules']): boolean {
      const spec = tokens.find((t) => t.token === token);
      if (!spec) return false;
      if (rules) spec.rules = rules;
      else delete spec.rules;
      return true;
    },
    async stop(): Promise<void> {
      setExpiry(false);
      await close();
    },
  };
}
