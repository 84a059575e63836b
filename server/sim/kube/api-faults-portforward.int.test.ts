import { createServer, type Server } from 'node:http';
import { PassThrough } from 'node:stream';
import { CoreV1Api, PortForward, Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTRICTED, startTestCluster, waitFor, type TestCluster } from './test-support';

let c: TestCluster;
const pods = new Map<string, Server>();
beforeAll(async () => {
  c = await startTestCluster({ portForward: (ns, pod, port) => pods.get(`${ns}/${pod}:${port}`) });
  // An unstarted http.Server standing in for istiod's debug port.
  pods.set('istio-system/istiod-0:15014', createServer((req, res) => res.end(`hello from istiod ${req.url}`)));
  c.store.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'istiod-0', namespace: 'istio-system' }, spec: { containers: [] } });
});
afterAll(async () => {
  await c?.server.stop();
});

const errorText = (e: unknown): string => `${String(e)} ${JSON.stringify(e)} ${String((e as { cause?: unknown }).cause ?? '')}`;

/** Sends one HTTP/1.1 request through PortForward with in-memory streams and resolves with the raw response. */
async function forward(token: string | undefined, pod: string, port: number): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  let errText = '';
  errors.on('data', (d: Buffer) => (errText += d.toString()));
  const ws = (await new PortForward(c.kc(token)).portForward('istio-system', pod, [port], output, errors, input)) as { close(): void };
  try {
    input.write('GET /debug/syncz HTTP/1.1\r\nHost: istiod\r\nConnection: close\r\n\r\n');
    await waitFor(() => text.includes('hello from istiod') || errText.length > 0, 10_000, 'port-forward response');
    return text || `ERR:${errText}`;
  } finally {
    ws.close();
    input.end();
  }
}

describe('faults and port-forward through @kubernetes/client-node', () => {
  it('refuseConnections makes calls fail with ECONNREFUSED on the same port, and they work again after clearing', async () => {
    const api = c.kc().makeApiClient(CoreV1Api);
    const port = c.server.port;
    let watchEnded = false;
    const ctl = await new Watch(c.kc()).watch('/api/v1/pods', {}, () => {}, () => (watchEnded = true));
    await c.server.setFaults({ refuseConnections: true });
    try {
      await waitFor(() => watchEnded, 5_000, 'open watch to end');
      const err = await api.listNamespace().then(() => undefined, (e: unknown) => e);
      expect(errorText(err)).toContain('ECONNREFUSED');
    } finally {
      ctl.abort();
      await c.server.setFaults({ refuseConnections: false });
    }
    expect(c.server.port).toBe(port);
    await expect(api.listNamespace()).resolves.toBeTruthy();
  });

  it('delayMs slows every response', async () => {
    const api = c.kc().makeApiClient(CoreV1Api);
    await c.server.setFaults({ delayMs: 300 });
    try {
      const t = Date.now();
      await api.listNamespace();
      expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    } finally {
      await c.server.setFaults({ delayMs: 0 });
    }
  });

  it('port-forwards to the resolver’s server and returns its response', async () => {
    const response = await forward(undefined, 'istiod-0', 15014);
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('hello from istiod /debug/syncz');
  });

  it('reports a port nobody listens on through the error channel', async () => {
    expect(await forward(undefined, 'istiod-0', 9999)).toMatch(/^ERR:error forwarding port 9999/);
  });

  it('rejects port-forward to an unknown pod and without permission', async () => {
    await expect(forward(undefined, 'no-such-pod', 15014)).rejects.toThrow(/404/);
    await expect(forward(RESTRICTED, 'istiod-0', 15014)).rejects.toThrow(/403/);
    await expect(forward('bad-token', 'istiod-0', 15014)).rejects.toThrow(/401/);
  });
});
