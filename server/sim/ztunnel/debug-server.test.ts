import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/types';
import { ambientTestFleet, buildStores, EAST } from '../telemetry/ambient-test-fleet';
import { createZtunnelDebugServer } from './debug-server';

const store = buildStores(ambientTestFleet()).get(EAST)!;
const storefront = store.list('v1', 'Pod', 'shop').find((p) => p.metadata.name.startsWith('storefront-v1-'))!;
const node = (storefront.spec as { nodeName: string }).nodeName;

/** A ztunnel pod on `node`, as the DaemonSet creates it. */
const ztunnelPod = (name: string, nodeName: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'istio-system', labels: { app: 'ztunnel', 'sidecar.istio.io/inject': 'false', 'istio.io/dataplane-mode': 'none' }, ownerReferences: [{ kind: 'DaemonSet', name: 'ztunnel' }] },
  spec: { nodeName, serviceAccountName: 'ztunnel', containers: [{ name: 'istio-proxy', image: 'docker.io/istio/ztunnel:1.30.3' }] },
  status: { phase: 'Running', podIP: '10.1.200.1', conditions: [{ type: 'Ready', status: 'True' }] },
});
store.apply(ztunnelPod('ztunnel-abcde', node));

let server: Server;
let url: string;
beforeAll(async () => {
  server = createZtunnelDebugServer({ cluster: EAST, podName: 'ztunnel-abcde', store, trustDomain: 'cluster.local' });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

interface Dump {
  workloads: Array<Record<string, unknown> & { name: string; namespace: string; protocol: string; node: string; waypoint?: { destination: string } }>;
  services: Array<Record<string, unknown> & { name: string; namespace: string; waypoint?: { destination: string }; endpoints: Record<string, { workloadUid: string; address: string }> }>;
  policies: unknown[];
  certificates: Array<{ identity: string; state: string; certChain: Array<{ validFrom: string; expirationTime: string; serialNumber: string }>; rootCerts: Array<{ pem: string; serialNumber: string }> }>;
  workloadState: Record<string, { state: string; info: { name: string } }>;
}
const dump = async (): Promise<Dump> => {
  const res = await fetch(`${url}/config_dump`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return (await res.json()) as Dump;
};

describe('ztunnel admin server', () => {
  it('lists every pod with an IP: HBONE for ambient pods, TCP for the rest', async () => {
    const d = await dump();
    const withIp = store.list('v1', 'Pod').filter((p) => (p.status as { podIP?: string }).podIP);
    expect(d.workloads).toHaveLength(withIp.length);
    const sf = d.workloads.find((w) => w.name === storefront.metadata.name);
    expect(sf).toMatchObject({
      uid: `${EAST}//Pod/shop/${storefront.metadata.name}`,
      protocol: 'HBONE',
      namespace: 'shop',
      serviceAccount: 'storefront',
      workloadName: 'storefront-v1',
      workloadType: 'deployment',
      canonicalName: 'storefront',
      canonicalRevision: 'v1',
      clusterId: EAST,
      trustDomain: 'cluster.local',
      node,
      network: `network-${EAST}`,
      status: 'Healthy',
    });
    expect((sf?.workloadIps as string[])[0]).toBe((storefront.status as { podIP: string }).podIP);
    // The namespace's waypoint is for service traffic: workloads carry none.
    expect(sf?.waypoint).toBeUndefined();
    expect(d.workloads.find((w) => w.namespace === 'sample')?.protocol).toBe('TCP');
    expect(d.workloads.find((w) => w.name === 'ztunnel-abcde')?.workloadType).toBe('daemonset');
    expect(d.policies).toEqual([]);
  });

  it('binds services to their waypoint by use-waypoint labels, and lists their endpoints', async () => {
    const d = await dump();
    const cart = d.services.find((s) => s.name === 'cart' && s.namespace === 'shop');
    expect(cart?.waypoint).toEqual({ destination: 'shop/waypoint.shop.svc.cluster.local' });
    expect(cart).toMatchObject({ hostname: 'cart.shop.svc.cluster.local', ports: { '8080': 8080 }, ipFamilies: 'IPv4' });
    expect((cart?.vips as string[])[0]).toMatch(new RegExp(`^network-${EAST}/172\\.20\\.`));
    const eps = Object.values(cart?.endpoints ?? {});
    expect(eps).toHaveLength(1);
    expect(eps[0]?.workloadUid).toMatch(new RegExp(`^${EAST}//Pod/shop/cart-v1-`));
    expect(d.services.find((s) => s.name === 'pricing')?.waypoint).toBeUndefined(); // use-waypoint: none
    expect(d.services.find((s) => s.name === 'helloworld')?.waypoint).toBeUndefined();
  });

  it('names a workload waypoint on workloads when the waypoint takes workload traffic', async () => {
    store.mergePatch('gateway.networking.k8s.io/v1', 'Gateway', 'shop', 'waypoint', { metadata: { labels: { 'istio.io/waypoint-for': 'all' } } });
    try {
      const d = await dump();
      expect(d.workloads.find((w) => w.name === storefront.metadata.name)?.waypoint).toEqual({ destination: 'shop/waypoint.shop.svc.cluster.local' });
      expect(d.workloads.find((w) => w.namespace === 'sample')?.waypoint).toBeUndefined();
    } finally {
      store.mergePatch('gateway.networking.k8s.io/v1', 'Gateway', 'shop', 'waypoint', { metadata: { labels: { 'istio.io/waypoint-for': 'service' } } });
    }
  });

  it('holds one available certificate per ambient identity on its node, with the mesh root', async () => {
    const d = await dump();
    const onNode = store.list('v1', 'Pod', 'shop').filter((p) => (p.spec as { nodeName: string }).nodeName === node && (p.metadata.annotations ?? {})['ambient.istio.io/redirection'] === 'enabled');
    const expected = [...new Set(onNode.map((p) => `spiffe://cluster.local/ns/shop/sa/${(p.spec as { serviceAccountName: string }).serviceAccountName}`))].sort();
    expect(expected).toContain('spiffe://cluster.local/ns/shop/sa/storefront');
    expect(d.certificates.map((c) => c.identity)).toEqual(expected);
    const now = Date.now();
    for (const c of d.certificates) {
      expect(c.state).toBe('Available');
      const leaf = c.certChain[0];
      expect(Date.parse(leaf?.validFrom ?? '')).toBeLessThanOrEqual(now);
      expect(Date.parse(leaf?.expirationTime ?? '')).toBeGreaterThan(now);
      expect(leaf?.serialNumber).toMatch(/^\d+$/);
      expect(c.rootCerts[0]?.pem).toContain('BEGIN CERTIFICATE');
    }
    expect(Object.values(d.workloadState).map((s) => s.info.name).sort()).toEqual(onNode.map((p) => p.metadata.name).sort());
  });

  it('follows the store: a new ambient pod appears as the next dump is asked for', async () => {
    const before = (await dump()).workloads.length;
    const copy = structuredClone(storefront);
    copy.metadata = { name: `${storefront.metadata.name.slice(0, -5)}zzzzz`, namespace: 'shop', labels: storefront.metadata.labels, annotations: storefront.metadata.annotations, ownerReferences: storefront.metadata.ownerReferences };
    (copy.status as { podIP: string }).podIP = '10.1.200.2';
    store.apply(copy);
    try {
      const d = await dump();
      expect(d.workloads).toHaveLength(before + 1);
      expect(d.workloads.find((w) => w.name === copy.metadata.name)?.protocol).toBe('HBONE');
    } finally {
      store.delete('v1', 'Pod', 'shop', copy.metadata.name);
    }
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await fetch(`${url}/stats/prometheus`)).status).toBe(404);
    const post = await fetch(`${url}/config_dump`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('has nothing listening while its pod is not ready', async () => {
    store.mergePatch('v1', 'Pod', 'istio-system', 'ztunnel-abcde', { status: { conditions: [{ type: 'Ready', status: 'False' }] } });
    try {
      await expect(fetch(`${url}/config_dump`)).rejects.toThrow();
    } finally {
      store.mergePatch('v1', 'Pod', 'istio-system', 'ztunnel-abcde', { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    }
    expect((await fetch(`${url}/config_dump`)).status).toBe(200);
  });
});
