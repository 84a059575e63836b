import 'server-only';
import http from 'node:http';
import { Duplex, PassThrough } from 'node:stream';
import type { PortForward } from '@kubernetes/client-node';

/** The answer of one HTTP GET made over a pod port-forward. */
export interface ForwardedResponse {
  status: number;
  body: string;
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
