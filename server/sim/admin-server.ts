/** The simulator's admin endpoint on loopback: read and switch the scenario, list clusters, apply YAML. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from './kube/types';
import type { SimCluster } from './runtime';
import { scenarioList } from './scenarios/registry';
import type { ScenarioRunner } from './scenarios/runner';

/** What the admin endpoint shows of a cluster: where it is served, and its API faults. */
type AdminCluster = Pick<SimCluster, 'name' | 'mesh' | 'network' | 'region' | 'apiUrl' | 'metricsUrl'> & { api: { faults: unknown } };

export interface AdminServerOptions {
  host: string;
  runner: ScenarioRunner;
  clusters: () => AdminCluster[];
  applyYaml: (cluster: string, yaml: string) => KubeObject[];
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body, null, 2)}\n`);
};

/** Starts the admin server on a free port of `host`. */
export async function startAdminServer(o: AdminServerOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && path === '/scenario') return send(res, 200, { scenario: o.runner.current, available: scenarioList() });
    if (req.method === 'PUT' && parts[0] === 'scenario' && parts.length === 2) {
      try {
        await o.runner.set(parts[1] ?? '');
      } catch (err) {
        return send(res, 404, { error: (err as Error).message });
      }
      return send(res, 200, { scenario: o.runner.current });
    }
    if (req.method === 'GET' && path === '/clusters') {
      return send(res, 200, o.clusters().map((c) => ({ name: c.name, mesh: c.mesh, network: c.network, region: c.region, apiUrl: c.apiUrl, metricsUrl: c.metricsUrl, faults: c.api.faults })));
    }
    if (req.method === 'POST' && parts[0] === 'clusters' && parts[2] === 'apply' && parts.length === 3) {
      const name = parts[1] ?? '';
      if (!o.clusters().some((c) => c.name === name)) return send(res, 404, { error: `unknown cluster "${name}"` });
      try {
        const applied = o.applyYaml(name, await readBody(req));
        return send(res, 200, { applied: applied.map((a) => ({ apiVersion: a.apiVersion, kind: a.kind, namespace: a.metadata.namespace, name: a.metadata.name, resourceVersion: a.metadata.resourceVersion })) });
      } catch (err) {
        return send(res, 400, { error: (err as Error).message });
      }
    }
    return send(res, 404, { error: 'not found', routes: ['GET /scenario', 'PUT /scenario/{name}', 'GET /clusters', 'POST /clusters/{name}/apply'] });
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, o.host, () => resolve());
  });
  const url = `http://${o.host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
