/** A plain-HTTP exposition endpoint per cluster on loopback: GET /stats/prometheus. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderClusterMetrics, type RenderOptions } from './exposition';
import type { TrafficModel } from './traffic-model';

export interface MetricsServerHandle {
  cluster: string;
  /** http://127.0.0.1:<port>/stats/prometheus */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the metrics endpoint of one cluster on a free loopback port. */
export async function startMetricsServer(model: TrafficModel, cluster: string, host = '127.0.0.1', render: RenderOptions = {}): Promise<MetricsServerHandle> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/stats/prometheus') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const body = renderClusterMetrics(model, cluster, undefined, render);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    cluster,
    port,
    url: `http://${host}:${port}/stats/prometheus`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
