import { KubeConfig } from '@kubernetes/client-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, configMap, startTestCluster, type TestCluster } from '../sim/kube/test-support';
import { createServer } from 'node:http';
import { KubeClient, KubeHttpError } from './kube-client';
import { portForwardGet } from './port-forward-get';

/** A TCP relay in front of the simulated API server that counts the connections (each one a TLS handshake). */
async function countingRelay(target: number): Promise<{ url: string; connections: () => number; dropAll: () => void; close: () => Promise<void> }> {
  let n = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    n++;
    const upstream = net.connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => n,
    dropAll: () => open.forEach((s) => s.destroy()),
    close: () =>
      new Promise<void>((r) => {
        open.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

/** A kubeconfig whose user gets its token from an exec plugin that re-reads `tokenFile` on every call (its credential has already expired). */
function execKubeConfig(url: string, caPem: string, dir: string, tokenFile: string): KubeConfig {
  const script = path.join(dir, 'cred.cjs');
  writeFileSync(
    script,
    `const token = require('fs').readFileSync(${JSON.stringify(tokenFile)}, 'utf8').trim();
process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token, expirationTimestamp: '2000-01-01T00:00:00Z' } }));`,
  );
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'test', server: url, caData: Buffer.from(caPem).toString('base64'), skipTLSVerify: false }],
    users: [{ name: 'exec-user', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [script], interactiveMode: 'Never' } }],
    contexts: [{ name: 'test', cluster: 'test', user: 'exec-user' }],
    currentContext: 'test',
  });
  return kc;
}

describe('KubeClient connection reuse against the simulated API server', () => {
  let c: TestCluster;
  let relay: Awaited<ReturnType<typeof countingRelay>>;
  let client: KubeClient | undefined;
  let dir: string;
  beforeAll(async () => {
    const istiod = createServer((req, res) => res.end(`istiod ${req.url}`));
    c = await startTestCluster({ portForward: (ns, pod, port) => (`${ns}/${pod}:${port}` === 'istio-system/istiod-0:15014' ? istiod : undefined) });
    c.store.apply(configMap('a'));
    c.store.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'istiod-0', namespace: 'istio-system' }, spec: { containers: [] } });
    relay = await countingRelay(c.server.port);
    dir = mkdtempSync(path.join(tmpdir(), 'kube-client-'));
  });
  afterEach(() => client?.close());
  afterAll(async () => {
    await relay?.close();
    await c?.server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const kcVia = (url: string, token = ADMIN) => {
    const kc = c.kc(token);
    kc.clusters[0] = { ...kc.clusters[0]!, server: url };
    return kc;
  };

  it('sends sequential requests over one TLS connection', async () => {
    const before = relay.connections();
    client = new KubeClient(kcVia(relay.url), 5000);
    for (let i = 0; i < 20; i++) await client.getJson('/api/v1/namespaces/default/configmaps?limit=500');
    expect(relay.connections() - before).toBe(1);
  });

  it('holds a watch on its own connection while lists reuse another, and a re-watch reuses a pooled one', async () => {
    const before = relay.connections();
    client = new KubeClient(kcVia(relay.url), 5000);
    const list = (await client.getJson('/api/v1/configmaps')) as { metadata: { resourceVersion: string } };
    const ac = new AbortController();
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    const watch = client.stream(`/api/v1/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}&timeoutSeconds=1`, opened, () => {}, ac.signal);
    await isOpen;
    for (let i = 0; i < 5; i++) await client.getJson('/api/v1/configmaps');
    expect(relay.connections() - before).toBe(2);
    await watch; // the server ends it after 1 s; its socket goes back to the pool
    await client.getJson('/api/v1/configmaps');
    await client.getJson('/api/v1/configmaps');
    expect(relay.connections() - before).toBe(2);
  });

  it('port-forwards through the shared agent: one pooled connection serves the next tunnel', async () => {
    client = new KubeClient(kcVia(relay.url), 5000);
    await client.getJson('/version');
    const before = relay.connections();
    for (const p of ['/version', '/debug/syncz']) {
      const r = await portForwardGet(client.portForward(), 'istio-system', 'istiod-0', 15014, p, 5000);
      expect(r).toEqual({ status: 200, body: `istiod ${p}` });
    }
    // The first tunnel upgrades the pooled socket of /version; the second needs a new connection (a tunnel is never pooled).
    expect(relay.connections() - before).toBe(1);
  });

  it('re-runs the exec plugin per request (a changed token is used at once) without new connections', async () => {
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, ADMIN);
    const before = relay.connections();
    client = new KubeClient(execKubeConfig(relay.url, c.server.caCertPem, dir, tokenFile), 5000);
    await expect(client.getJson('/api/v1/configmaps')).resolves.toBeTruthy();
    writeFileSync(tokenFile, 'revoked-token');
    await expect(client.getJson('/api/v1/configmaps')).rejects.toSatisfy((e) => e instanceof KubeHttpError && e.status === 401);
    writeFileSync(tokenFile, ADMIN);
    await expect(client.getJson('/api/v1/configmaps')).resolves.toBeTruthy();
    expect(relay.connections() - before).toBe(1);
  });

  it('retries on a fresh connection when the server has closed the pooled ones', async () => {
    client = new KubeClient(kcVia(relay.url), 5000);
    // Three pooled sockets, then all closed at once (an API server's idle time-out), and reused before we notice.
    await Promise.all([0, 1, 2].map(() => client!.getJson('/api/v1/configmaps')));
    relay.dropAll();
    await expect(client.getJson('/api/v1/configmaps')).resolves.toBeTruthy();
  });

  it('still verifies the server certificate with the shared context', async () => {
    const kc = kcVia(c.server.url);
    // A CA that did not sign the server's certificate.
    const { createCa } = await import('../sim/pki');
    kc.clusters[0] = { ...kc.clusters[0]!, caData: Buffer.from(createCa('other-ca').certPem).toString('base64') };
    client = new KubeClient(kc, 5000);
    await expect(client.getJson('/api/v1/configmaps')).rejects.toThrow(/certificate/i);
  });

  it('recovers when the server drops pooled connections', async () => {
    client = new KubeClient(kcVia(c.server.url), 5000);
    await client.getJson('/api/v1/configmaps');
    await c.server.setFaults({ refuseConnections: true });
    await expect(client.getJson('/api/v1/configmaps')).rejects.toThrow();
    await c.server.setFaults({ refuseConnections: false });
    await expect(client.getJson('/api/v1/configmaps')).resolves.toBeTruthy();
  });
});
