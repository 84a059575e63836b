import { X509Certificate } from 'node:crypto';
import { CustomObjectsApi, Watch } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from '../runtime';
import { coreApi, istiodPod, kubeConfig, portForwardGet, requestsTotal, waitUntil } from '../sim-test-support';
import { LogNormal } from '../telemetry/distribution';

let fleet: SimFleet;
beforeAll(async () => {
  fleet = await startSimFleet();
});
afterAll(async () => {
  await fleet?.stop();
});
afterEach(async () => {
  await fleet.setScenario('healthy');
});

/** Switches through the admin endpoint, as the CLI user would. */
async function switchTo(name: string): Promise<void> {
  const res = await fetch(`${fleet.adminUrl}/scenario/${name}`, { method: 'PUT' });
  expect(res.status).toBe(200);
  expect(fleet.scenario).toBe(name);
}

const metricsOf = (cluster: string) => fleet.cluster(cluster).metricsUrl;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rate of a counter sum over a short wall-clock window, read from the metrics endpoint. */
async function rate(cluster: string, labels: Record<string, string>, seconds: number, metric?: string): Promise<number> {
  const a = await requestsTotal(metricsOf(cluster), labels, metric);
  const t = Date.now();
  await sleep(seconds * 1000);
  const b = await requestsTotal(metricsOf(cluster), labels, metric);
  return (b - a) / ((Date.now() - t) / 1000);
}

const errorText = (e: unknown) => `${String(e)} ${JSON.stringify(e)} ${String((e as { cause?: unknown }).cause ?? '')}`;

async function syncz(cluster: string, revision = 'default'): Promise<Array<Record<string, string>>> {
  const pod = await istiodPod(fleet, cluster, revision);
  return JSON.parse((await portForwardGet(kubeConfig(fleet, cluster), 'istio-system', pod, 15014, '/debug/syncz')).body) as Array<Record<string, string>>;
}

async function istiodJson<T>(cluster: string, path: string): Promise<T> {
  const pod = await istiodPod(fleet, cluster);
  return JSON.parse((await portForwardGet(kubeConfig(fleet, cluster), 'istio-system', pod, 15014, path)).body) as T;
}

describe('scenarios, observed through the kube API, port-forward and metrics', () => {
  it('failover: reviews in us-east-1 answers 503 and traffic moves to reviews-v3 in us-west-2', async () => {
    await switchTo('failover');
    const v3 = await rate('us-west-2', { reporter: 'destination', destination_workload: 'reviews-v3', source_workload: 'productpage-v1' }, 3);
    expect(v3).toBeGreaterThan(11.4 * 0.85);
    expect(v3).toBeLessThan(11.4 * 1.15);
    const text = await (await fetch(metricsOf('us-east-1'))).text();
    expect(text).toMatch(/istio_requests_total\{reporter="destination"[^}]*destination_workload="reviews-v1"[^}]*response_code="503"/);
    const dr = (await kubeConfig(fleet, 'us-east-1').makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1', namespace: 'bookinfo', plural: 'destinationrules', name: 'reviews' })) as { spec: { trafficPolicy?: { outlierDetection?: unknown } } };
    expect(dr.spec.trafficPolicy?.outlierDetection).toBeTruthy();
  });

  it('error-spike: about 5% of details requests in us-east-1 fail with 503', async () => {
    await switchTo('error-spike');
    const labels = { reporter: 'destination', destination_workload: 'details-v1', destination_cluster: 'us-east-1' };
    const a = { all: await requestsTotal(metricsOf('us-east-1'), labels), bad: await requestsTotal(metricsOf('us-east-1'), { ...labels, response_code: '503' }) };
    await sleep(5000);
    const all = (await requestsTotal(metricsOf('us-east-1'), labels)) - a.all;
    const bad = (await requestsTotal(metricsOf('us-east-1'), { ...labels, response_code: '503' })) - a.bad;
    expect(all).toBeGreaterThan(50);
    expect(bad / all).toBeGreaterThan(0.02);
    expect(bad / all).toBeLessThan(0.09);
  });

  it('latency: productpage -> reviews-v2 mean latency follows p99 + 800 ms', async () => {
    await switchTo('latency');
    const labels = { reporter: 'destination', source_workload: 'productpage-v1', destination_workload: 'reviews-v2' };
    const sum = rate('us-east-1', labels, 5, 'istio_request_duration_milliseconds_sum');
    const count = rate('us-east-1', labels, 5, 'istio_request_duration_milliseconds_count');
    const mean = (await sum) / (await count);
    const expected = new LogNormal(20, 910).mean();
    expect(mean).toBeGreaterThan(expected * 0.75);
    expect(mean).toBeLessThan(expected * 1.3);
    expect(new LogNormal(20, 910).quantile(0.99)).toBeCloseTo(910, 0);
  });

  it('stale-proxies: syncz shows STALE and NOT SENT proxies, and healthy clears them', async () => {
    await switchTo('stale-proxies');
    const east = await syncz('us-east-1');
    expect(east.filter((p) => p.endpoint_sent !== p.endpoint_acked).length).toBe(2);
    const west = await syncz('us-west-2', '1-31-canary');
    expect(west.filter((p) => p.cluster_sent === '' && p.endpoint_sent === '').length).toBe(1);
    await switchTo('healthy');
    expect((await syncz('us-east-1')).every((p) => p.endpoint_sent === p.endpoint_acked)).toBe(true);
  });

  it('split-trust: eu-central-1 trusts a different root than the rest of prod', async () => {
    const fingerprint = async (cluster: string) => {
      const cm = await coreApi(fleet, cluster).readNamespacedConfigMap({ name: 'istio-ca-root-cert', namespace: 'bookinfo' });
      return new X509Certificate(cm.data?.['root-cert.pem'] ?? '').fingerprint256;
    };
    expect(await fingerprint('eu-central-1')).toBe(await fingerprint('us-east-1'));
    await switchTo('split-trust');
    expect(await fingerprint('eu-central-1')).not.toBe(await fingerprint('us-east-1'));
    expect(await fingerprint('us-west-2')).toBe(await fingerprint('us-east-1'));
    await switchTo('healthy');
    expect(await fingerprint('eu-central-1')).toBe(await fingerprint('us-east-1'));
  });

  it('missing-eastwest-address: the gateway loses its address and istiod elsewhere drops the network', async () => {
    await switchTo('missing-eastwest-address');
    const svc = await coreApi(fleet, 'us-west-2').readNamespacedService({ name: 'istio-eastwestgateway', namespace: 'istio-system' });
    expect(svc.status?.loadBalancer?.ingress ?? []).toEqual([]);
    const networks = await istiodJson<Array<{ Network: string }>>('us-east-1', '/debug/networkz');
    expect(networks.map((n) => n.Network)).not.toContain('network-us-west-2');
    expect(await rate('us-west-2', { reporter: 'destination', destination_workload: 'reviews-v3' }, 2)).toBe(0);
    await switchTo('healthy');
    const again = await istiodJson<Array<{ Network: string }>>('us-east-1', '/debug/networkz');
    expect(again.map((n) => n.Network)).toContain('network-us-west-2');
  });

  it('version-skew: istiod 1.29 in us-east-1 and ratings proxies two minors behind', async () => {
    await switchTo('version-skew');
    const pod = await istiodPod(fleet, 'us-east-1');
    const v = await portForwardGet(kubeConfig(fleet, 'us-east-1'), 'istio-system', pod, 15014, '/version');
    expect(v.body).toMatch(/^1\.29\.6-/);
    const ratings = (await syncz('eu-central-1')).filter((p) => p.proxy?.startsWith('ratings-v1'));
    expect(ratings.length).toBe(2);
    for (const p of ratings) expect(p.proxy_version).toBe('1.28.10');
  });

  it('cluster-down: eu-central-1 refuses connections and istiod elsewhere reports a timeout', async () => {
    await switchTo('cluster-down');
    const err = await coreApi(fleet, 'eu-central-1').listNamespace().then(() => undefined, (e: unknown) => e);
    expect(errorText(err)).toContain('ECONNREFUSED');
    const clusterz = await istiodJson<Array<{ id: string; syncStatus: string }>>('us-east-1', '/debug/clusterz');
    expect(clusterz.find((c) => c.id === 'eu-central-1')?.syncStatus).toBe('timeout');
    await switchTo('healthy');
    await expect(coreApi(fleet, 'eu-central-1').listNamespace()).resolves.toBeTruthy();
  });

  it('slow-api: us-west-2 answers after 5 s', async () => {
    await switchTo('slow-api');
    const t = Date.now();
    await coreApi(fleet, 'us-west-2').listNamespace();
    expect(Date.now() - t).toBeGreaterThanOrEqual(4900);
  });

  it('token-expired: the staging cluster answers 401 to every context', async () => {
    await switchTo('token-expired');
    await expect(coreApi(fleet, 'staging-us-east-1').listNamespace()).rejects.toMatchObject({ code: 401 });
    await expect(coreApi(fleet, 'staging-us-east-1-restricted').listNamespacedPod({ namespace: 'bookinfo' })).rejects.toMatchObject({ code: 401 });
    await expect(coreApi(fleet, 'us-east-1').listNamespace()).resolves.toBeTruthy();
  });

  it('watch-expiry: open watches end with 410 Gone within seconds', async () => {
    await switchTo('watch-expiry');
    let expired = false;
    const ctl = await new Watch(kubeConfig(fleet, 'us-east-1')).watch(
      '/api/v1/configmaps',
      {},
      (type, obj: { code?: number }) => {
        if (type === 'ERROR' && obj.code === 410) expired = true;
      },
      () => undefined,
    );
    try {
      await waitUntil(() => expired, 20_000, 'a 410 ERROR event');
    } finally {
      ctl.abort();
    }
  });

  it('config-churn: the payments VirtualService changes every few seconds, seen by a watch', async () => {
    const weights: number[] = [];
    const ctl = await new Watch(kubeConfig(fleet, 'us-east-1')).watch(
      '/apis/networking.istio.io/v1/namespaces/payments/virtualservices',
      {},
      (type, obj: { spec: { http: Array<{ route: Array<{ weight: number }> }> } }) => {
        if (type === 'MODIFIED') weights.push(obj.spec.http[0]?.route[0]?.weight ?? -1);
      },
      () => undefined,
    );
    try {
      await switchTo('config-churn');
      await waitUntil(() => weights.length >= 3, 12_000, 'three MODIFIED events');
      expect(new Set(weights).size).toBeGreaterThan(1);
    } finally {
      ctl.abort();
    }
  });
});
