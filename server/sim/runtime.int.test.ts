import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from './kube/types';
import { startSimFleet, type SimFleet } from './runtime';
import { coreApi, istiodPod, kubeConfig, portForwardGet } from './sim-test-support';

let fleet: SimFleet;

beforeAll(async () => {
  fleet = await startSimFleet();
});
afterAll(async () => {
  await fleet?.stop();
});

describe('the demo fleet through @kubernetes/client-node', () => {
  // Start time is measured in docs/simulator.md, not asserted: these machines are shared.
  it('starts with one context per cluster plus restricted ones', () => {
    const kc = new KubeConfig();
    kc.loadFromString(fleet.kubeconfig);
    const names = kc.getContexts().map((c) => c.name);
    for (const c of fleet.clusters) expect(names).toEqual(expect.arrayContaining([c.name, `${c.name}-restricted`]));
  });

  it('lists pods across the fleet', async () => {
    let total = 0;
    for (const c of fleet.clusters) {
      const pods = await coreApi(fleet, c.name).listPodForAllNamespaces();
      expect(pods.items.length).toBe(c.store.list('v1', 'Pod').length);
      total += pods.items.length;
    }
    expect(total).toBeGreaterThan(35);
    const east = await coreApi(fleet, 'us-east-1').listNamespacedPod({ namespace: 'bookinfo', labelSelector: 'app=productpage' });
    const proxy = east.items[0]?.spec?.containers.find((c) => c.name === 'istio-proxy');
    expect(proxy?.image).toMatch(/proxyv2:1\.30\.3$/);
  });

  it('lets the restricted context read bookinfo and istio-system only', async () => {
    const api = coreApi(fleet, 'us-east-1-restricted');
    await expect(api.listNamespacedPod({ namespace: 'bookinfo' })).resolves.toBeTruthy();
    await expect(api.listNamespacedPod({ namespace: 'sample' })).rejects.toMatchObject({ code: 403 });
  });

  it('serves istiod syncz through a pod port-forward with the expected proxies', async () => {
    const pod = await istiodPod(fleet, 'us-east-1');
    const res = await portForwardGet(kubeConfig(fleet, 'us-east-1'), 'istio-system', pod, 15014, '/debug/syncz');
    expect(res.status).toBe(200);
    const syncz = JSON.parse(res.body) as Array<Record<string, string>>;
    const hasProxy = (p: KubeObject) => ((p.spec as { containers: Array<{ name: string }> }).containers ?? []).some((c) => c.name === 'istio-proxy');
    const injected = fleet.cluster('us-east-1').store.list('v1', 'Pod').filter((p) => p.metadata.labels?.['istio.io/rev'] === 'default' && hasProxy(p));
    expect(syncz.map((p) => p.proxy).sort()).toEqual(injected.map((p) => `${p.metadata.name}.${p.metadata.namespace}`).sort());
    for (const p of syncz) {
      expect(p.cluster_id).toBe('us-east-1');
      expect(p.endpoint_acked).toBe(p.endpoint_sent);
    }
    const version = await portForwardGet(kubeConfig(fleet, 'us-east-1'), 'istio-system', pod, 15014, '/version');
    expect(version.body).toMatch(/^1\.30\.3-/);
  });

  it('has remote secrets whose kubeconfigs reach the peer clusters', async () => {
    const secrets = await coreApi(fleet, 'us-east-1').listNamespacedSecret({ namespace: 'istio-system', labelSelector: 'istio/multiCluster=true' });
    const peers = secrets.items.map((s) => s.metadata?.annotations?.['networking.istio.io/cluster']).sort();
    expect(peers).toEqual(['eu-central-1', 'us-west-2']);
    const secret = secrets.items.find((s) => s.metadata?.name === 'istio-remote-secret-eu-central-1');
    const kc = new KubeConfig();
    kc.loadFromString(Buffer.from(secret?.data?.['eu-central-1'] ?? '', 'base64').toString('utf8'));
    const { CoreV1Api } = await import('@kubernetes/client-node');
    const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'bookinfo' });
    expect(pods.items.map((p) => p.metadata?.labels?.app)).toContain('ratings');
  });

  it('applies YAML through the admin endpoint and the API serves it', async () => {
    const clusters = (await (await fetch(`${fleet.adminUrl}/clusters`)).json()) as Array<{ name: string }>;
    expect(clusters.map((c) => c.name)).toEqual(fleet.clusters.map((c) => c.name));
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello\n  namespace: default\ndata:\n  a: b\n';
    const res = await fetch(`${fleet.adminUrl}/clusters/us-west-2/apply`, { method: 'POST', body: yaml });
    expect(res.status).toBe(200);
    const cm = await coreApi(fleet, 'us-west-2').readNamespacedConfigMap({ name: 'hello', namespace: 'default' });
    expect(cm.data?.a).toBe('b');
    const bad = await fetch(`${fleet.adminUrl}/clusters/us-west-2/apply`, {
      method: 'POST',
      body: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\n  namespace: default\nspec:\n  hosts: 7\n',
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${fleet.adminUrl}/scenario/nope`, { method: 'PUT' })).status).toBe(404);
  });
});
