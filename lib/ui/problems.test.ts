import { describe, expect, it } from 'vitest';
import type { ClusterSummary } from '../fleet/clusters';
import type { FindingItem } from '../api/findings';
import type { ControlPlane } from '../fleet/controlplanes';
import { groupFindings, rankProblems } from './problems';

const now = Date.parse('2026-01-01T00:00:00Z');

function cluster(name: string, over: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    name, displayName: name, source: 'test', mesh: 'prod', state: 'ok', dataAgeSeconds: 1, syncedKinds: 1, totalKinds: 1, forbiddenKinds: [],
    skippedObjects: { count: 0, oversized: 0 }, regions: [], zones: [], counts: { namespaces: 0, services: 0, pods: 0, nodes: 0, configObjects: 0 },
    controlPlanes: [], eastWestGateways: [], remoteSecretCount: 0, ...over,
  };
}
function cp(clusterName: string, over: Partial<ControlPlane> = {}): ControlPlane {
  return {
    cluster: clusterName, revision: 'default', namespace: 'istio-system', pods: [], rootCert: { fingerprint: 'AA', notAfter: '2030-01-01T00:00:00Z' }, rootCertConsistent: true,
    discoveredClusters: [], networkGateways: [], proxies: { total: 3, synced: 3, stale: 0, notSent: 0 }, poll: { state: 'ok' }, ...over,
  };
}

describe('rankProblems', () => {
  it('is empty for a healthy fleet', () => {
    expect(rankProblems({ clusters: [cluster('a'), cluster('b')], controlPlanes: [cp('a'), cp('b')], services: [], now })).toEqual([]);
  });

  it('ranks unreachable clusters and failing services above stale proxies and info', () => {
    const problems = rankProblems({
      clusters: [cluster('a'), cluster('b', { state: 'unreachable', reason: 'connection refused' }), cluster('c', { state: 'syncing' })],
      controlPlanes: [cp('a', { proxies: { total: 5, synced: 3, stale: 1, notSent: 1 } })],
      services: [
        { namespace: 'bookinfo', name: 'reviews', clusters: [
          { cluster: 'a', health: { status: 'failure', reasons: ['5xx 100%'] } },
          { cluster: 'c', health: { status: 'healthy', reasons: [] } },
        ] },
      ],
      now,
    });
    expect(problems.map((p) => [p.severity, p.title])).toEqual([
      ['critical', 'Cluster b is unreachable'],
      ['critical', 'reviews.bookinfo is failing in a'],
      ['warning', '2 proxies not in sync in a'],
      ['info', 'Cluster c is syncing'],
    ]);
    // The failing cluster is in the link: the service page highlights it.
    expect(problems[1]?.href).toBe('/services/bookinfo/reviews?cluster=a');
    expect(problems[1]?.topologyHref).toBe('/topology?graphType=service&focus=svc%3Aa%2Fbookinfo%2Freviews');
    expect(problems[0]?.detail).toBe('connection refused');
  });

  it('triages what is broken now before what may explain it: services, then proxies, then trust, then discovery', () => {
    const problems = rankProblems({
      clusters: [cluster('a'), cluster('b')],
      controlPlanes: [cp('a', { discoveredClusters: [{ id: 'b', syncStatus: 'timeout' }] }), cp('b', { rootCert: { fingerprint: 'BB' }, proxies: { total: 2, synced: 1, stale: 1, notSent: 0 } })],
      services: [{ namespace: 'pay', name: 'payments', clusters: [{ cluster: 'b', health: { status: 'degraded', reasons: ['gRPC errors'] } }] }],
      now,
    });
    expect(problems.map((p) => p.kind)).toEqual(['service-degraded', 'proxies', 'trust', 'discovery']);
    expect(problems.find((p) => p.kind === 'trust')?.href).toBe('/clusters#trust-heading');
  });

  it('names a service far slower in one cluster than in the others, and not small or idle differences', () => {
    const sig = (rps: number, p99: number | null) => ({ rps, latencyMs: { p99 } });
    const healthy = { status: 'healthy' as const, reasons: [] };
    const svc = (clusters: Array<[string, number, number | null]>) => ({ namespace: 'bookinfo', name: 'reviews', clusters: clusters.map(([cluster, rps, p99]) => ({ cluster, health: healthy, signals: sig(rps, p99) })) });
    const slow = rankProblems({ services: [svc([['a', 5, 910], ['b', 5, 110], ['c', 2, 90]])], now });
    expect(slow.map((p) => [p.kind, p.title, p.detail])).toEqual([['latency', 'reviews.bookinfo is slow in a: p99 910 ms', '8.3× the other clusters (p99 110 ms)']]);
    // 3× but only 100 ms more (a cross-network hop), an idle cluster, or one cluster alone: nothing.
    expect(rankProblems({ services: [svc([['a', 5, 150], ['b', 5, 50]])], now })).toEqual([]);
    expect(rankProblems({ services: [svc([['a', 0, 910], ['b', 5, 110]])], now })).toEqual([]);
    expect(rankProblems({ services: [svc([['a', 5, 910]])], now })).toEqual([]);
  });

  it('names an edge slower than its own baseline, and says it once when the service is also slow across clusters', () => {
    const edge = {
      cluster: 'us-east-1', namespace: 'bookinfo', service: 'reviews', workloadNamespace: 'bookinfo', workload: 'reviews-v2',
      source: { cluster: 'us-east-1', namespace: 'bookinfo', workload: 'productpage-v1' }, quantile: 'p99' as const, nowMs: 910.4, baselineMs: 110, factor: 8.27,
    };
    const edgeLatency = { baselineSeconds: 1800, items: [edge] };
    const sig = (rps: number, p99: number) => ({ rps, latencyMs: { p99 } });
    const healthy = { status: 'healthy' as const, reasons: [] };
    const reviews = { namespace: 'bookinfo', name: 'reviews', clusters: [{ cluster: 'us-east-1', health: healthy, signals: sig(5, 910) }, { cluster: 'us-west-2', health: healthy, signals: sig(5, 110) }] };
    const failing = { namespace: 'bookinfo', name: 'ratings', clusters: [{ cluster: 'us-east-1', health: { status: 'failure' as const, reasons: ['5xx'] } }] };
    const slowElsewhere = { ...reviews, name: 'details', clusters: reviews.clusters.map((c) => ({ ...c })) };
    const problems = rankProblems({ services: [reviews, failing, slowElsewhere], edgeLatency, now });
    expect(problems.map((p) => [p.kind, p.title])).toEqual([
      ['service-failing', 'ratings.bookinfo is failing in us-east-1'],
      ['edge-latency', 'productpage-v1 → reviews-v2 is slow in us-east-1: p99 910 ms'],
      // Another service slow across clusters keeps its own line; reviews' cross-cluster one gives way to the edge.
      ['latency', 'details.bookinfo is slow in us-east-1: p99 910 ms'],
    ]);
    expect(problems[1]).toMatchObject({
      severity: 'warning',
      detail: '8.3× its last 30 min (p99 110 ms)',
      href: '/services/bookinfo/reviews?cluster=us-east-1',
      topologyHref: `/topology?graphType=workload&focus=${encodeURIComponent('wl:us-east-1/bookinfo/reviews-v2')}`,
      cluster: 'us-east-1',
    });
    // A caller in another cluster is named with it; one outside the user's view is not named at all.
    const other = rankProblems({ edgeLatency: { baselineSeconds: 1800, items: [{ ...edge, source: { ...edge.source, cluster: 'us-west-2' } }, { ...edge, source: null, quantile: 'p95', nowMs: 480, baselineMs: 60, factor: 8 }] }, now });
    expect(other.map((p) => p.title)).toEqual(['productpage-v1 (us-west-2) → reviews-v2 is slow in us-east-1: p99 910 ms', 'a caller outside your workspaces → reviews-v2 is slow in us-east-1: p95 480 ms']);
    expect(new Set(other.map((p) => p.id)).size).toBe(2);
  });

  it('flags differing roots within a mesh, expiring roots and discovery trouble', () => {
    const problems = rankProblems({
      clusters: [cluster('a'), cluster('b'), cluster('s', { mesh: 'staging' })],
      controlPlanes: [
        cp('a'),
        cp('b', { rootCert: { fingerprint: 'BB', notAfter: '2026-01-05T00:00:00Z' }, discoveredClusters: [{ id: 'a', syncStatus: 'timeout' }] }),
        cp('s', { rootCert: { fingerprint: 'CC' } }),
      ],
      now,
    });
    const titles = problems.map((p) => p.title);
    expect(titles).toContain('Mesh prod has 2 different root certificates: b differs from a');
    expect(titles).toContain('Root certificate of b expires in 4 days');
    expect(titles).toContain('istiod in b reports a as timeout');
    expect(titles.some((t) => t.includes('staging'))).toBe(false);
  });
});

describe('groupFindings', () => {
  it('merges one finding repeated across clusters and keeps different ones apart', () => {
    const same = { code: 'IST0173', level: 'Error', message: 'The Subset v2-mysql defined in the DestinationRule does not select any pods.' };
    const grouped = groupFindings([
      { id: '1', ...same, clusters: ['us-west-2'] },
      { id: '2', ...same, clusters: ['eu-central-1', 'us-west-2'] },
      { id: '3', ...same, message: 'The Subset v2-mysql-vm defined in the DestinationRule does not select any pods.', clusters: ['a'] },
    ]);
    expect(grouped).toHaveLength(2);
    expect(grouped[0]?.clusters).toEqual(['eu-central-1', 'us-west-2']);
  });
});

describe('fleet-state findings as problems', () => {
  const finding = (code: string, level: 'Error' | 'Warning', cluster: string, kind = 'Service'): FindingItem => ({
    id: `${code}-${cluster}`, code, name: code, level, message: `${code} message`, objects: [{ kind, namespace: 'istio-system', name: 'x', cluster }], clusters: [cluster], fix: '',
  });

  it('lists a network nobody can reach and version skew with the live problems, and no other finding', () => {
    const problems = rankProblems({
      clusters: [cluster('a'), cluster('b')],
      controlPlanes: [cp('a'), cp('b')],
      services: [{ namespace: 'bookinfo', name: 'details', clusters: [{ cluster: 'a', health: { status: 'degraded', reasons: ['5xx 5%'] } }] }],
      findings: [finding('IST0173', 'Error', 'a', 'DestinationRule'), finding('MG0013', 'Warning', 'b', 'Pod'), finding('MG0006', 'Error', 'b')],
      now,
    });
    expect(problems.map((p) => [p.kind, p.title, p.href])).toEqual([
      ['service-degraded', 'details.bookinfo is degraded in a', '/services/bookinfo/details?cluster=a'],
      ['discovery', 'Other clusters cannot reach b: its east-west gateway has no address', '/clusters#networks-heading'],
      ['control-plane', 'Proxies in b run outside the supported version skew', '/clusters/b#proxies'],
    ]);
  });
});

describe('rankProblems, repeated lines', () => {
  it('says once what two istiod revisions of one cluster both report', () => {
    const timeout = { discoveredClusters: [{ id: 'c', syncStatus: 'timeout' }] };
    const problems = rankProblems({ clusters: [cluster('a'), cluster('c')], controlPlanes: [cp('a', timeout), cp('a', { revision: 'canary', ...timeout })], now });
    expect(problems.map((p) => p.title)).toEqual(['istiod in a reports c as timeout']);
  });
});

describe('rankProblems, a slow or unreachable cluster', () => {
  const syncing = (id: string) => ({ discoveredClusters: [{ id, syncStatus: 'syncing' }] });
  const measured = (ms: number, timedOut = false) => ({ apiLatency: { ms, timedOut, measuredAt: '2026-01-01T00:00:00Z' } });

  it('names a cluster whose API answers slowly first, with what istiod elsewhere reports folded into it', () => {
    const problems = rankProblems({
      clusters: [cluster('a', measured(40)), cluster('b', measured(5012)), cluster('c')],
      controlPlanes: [cp('a', syncing('b')), cp('c', syncing('b'))],
      now,
    });
    expect(problems.map((p) => p.title)).toEqual(["Cluster b's Kubernetes API is slow: 5 s to answer"]);
    expect(problems[0]).toMatchObject({ kind: 'cluster', severity: 'warning', href: '/clusters/b', cluster: 'b' });
    expect(problems[0]!.detail).toContain('istiod in a, c report it as syncing');
  });

  it('says "over" the time-out when the API did not answer, and nothing for an API that answers in time', () => {
    expect(rankProblems({ clusters: [cluster('b', measured(10_000, true))], now })[0]?.title).toBe("Cluster b's Kubernetes API is slow: over 10 s to answer");
    expect(rankProblems({ clusters: [cluster('b', measured(1999))], now })).toEqual([]);
  });

  it('keeps the istiod report on its own line when the reported cluster shows no problem itself', () => {
    const problems = rankProblems({ clusters: [cluster('a'), cluster('b')], controlPlanes: [cp('a', syncing('b'))], now });
    expect(problems.map((p) => p.title)).toEqual(['istiod in a reports b as syncing']);
  });

  it('an unreachable cluster carries the timeouts istiod reports for it', () => {
    const problems = rankProblems({ clusters: [cluster('a'), cluster('c', { state: 'unreachable', reason: 'ECONNREFUSED' })], controlPlanes: [cp('a', { discoveredClusters: [{ id: 'c', syncStatus: 'timeout' }] })], now });
    expect(problems.map((p) => [p.title, p.detail])).toEqual([['Cluster c is unreachable', 'ECONNREFUSED (istiod in a reports it as timeout)']]);
  });
});

describe('rankProblems, watches that keep expiring', () => {
  it('notes a cluster whose server ends watches with 410 often, after every live problem, and not an occasional one', () => {
    const problems = rankProblems({
      clusters: [cluster('a', { watchExpiries: 120 }), cluster('b', { watchExpiries: 3 }), cluster('c', { state: 'unreachable' })],
      now,
    });
    expect(problems.map((p) => p.title)).toEqual(['Cluster c is unreachable', 'Cluster a ends watches with 410 Gone: 120 relists in 5 min']);
    expect(problems[1]).toMatchObject({ kind: 'watch-expiry', severity: 'info', href: '/clusters/a' });
  });

  it('says it once for several clusters', () => {
    const problems = rankProblems({ clusters: [cluster('b', { watchExpiries: 40 }), cluster('a', { watchExpiries: 120 })], now });
    expect(problems.map((p) => [p.title, p.href])).toEqual([['2 clusters end watches with 410 Gone: up to 120 relists in 5 min (a, b)', '/clusters']]);
  });
});
