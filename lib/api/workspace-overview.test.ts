import { describe, expect, it } from 'vitest';
import type { ServiceSignals } from './telemetry';
import { parseSelectors, workspaceOverview, workspaceTopologyHref } from './workspace-overview';

const signals = { rps: 0, errorPercent: { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 }, latencyMs: { p50: null, p95: null, p99: null }, tcpBytesPerSecond: 0 };
const svc = (namespace: string, name: string, clusters: Array<[string, ServiceSignals['health']['status']]>): ServiceSignals => ({
  namespace,
  name,
  signals,
  health: { status: 'healthy', reasons: [] },
  clusters: clusters.map(([cluster, status]) => ({ cluster, signals, health: { status, reasons: [] } })),
});

const services = [
  svc('payments', 'payments', [['us-east-1', 'healthy'], ['us-west-2', 'failure']]),
  svc('payments', 'checkout', [['us-east-1', 'degraded']]),
  svc('bookinfo', 'reviews', [['us-east-1', 'healthy'], ['eu-central-1', 'healthy']]),
];
const clusters = ['us-west-2', 'us-east-1', 'eu-central-1'];

describe('workspaceOverview', () => {
  it('matches clusters and namespaces by the selectors, as the server does', () => {
    const o = workspaceOverview(['*/payments'], clusters, services);
    expect(o.clusters).toEqual([
      { cluster: 'eu-central-1', namespaces: [] },
      { cluster: 'us-east-1', namespaces: ['payments'] },
      { cluster: 'us-west-2', namespaces: ['payments'] },
    ]);
  });

  it('judges a service by its instances inside the workspace only', () => {
    const east = workspaceOverview(['us-east-1/payments'], clusters, services);
    expect(east.clusters).toEqual([{ cluster: 'us-east-1', namespaces: ['payments'] }]);
    expect(east.services.map((s) => [s.name, s.health])).toEqual([['checkout', 'degraded'], ['payments', 'healthy']]);
    expect(east.health).toEqual({ degraded: 1, healthy: 1 });
    expect(workspaceOverview(['*/payments'], clusters, services).health).toEqual({ degraded: 1, failure: 1 });
  });

  it('keeps the same namespace/name in two meshes as two services, each with its own clusters', () => {
    const twoMeshes = [
      { ...svc('bookinfo', 'reviews', [['us-east-1', 'healthy']]), mesh: 'prod' },
      { ...svc('bookinfo', 'reviews', [['staging-us-east-1', 'failure']]), mesh: 'staging' },
    ];
    const o = workspaceOverview(['*/bookinfo'], [...clusters, 'staging-us-east-1'], twoMeshes);
    expect(o.services.map((s) => [s.mesh, s.clusters, s.health])).toEqual([['prod', ['us-east-1'], 'healthy'], ['staging', ['staging-us-east-1'], 'failure']]);
    expect(o.health).toEqual({ healthy: 1, failure: 1 });
  });

  it('matches nothing for a selector it cannot parse', () => {
    expect(parseSelectors(['a/b/c', 'x/*'])).toEqual([{ cluster: 'x', namespace: '*' }]);
    expect(workspaceOverview(['nonsense'], clusters, services).services).toEqual([]);
  });

  it('links the topology filtered to the workspace', () => {
    expect(workspaceTopologyHref(workspaceOverview(['*/payments'], clusters, services))).toBe('/topology?clusters=us-east-1%2Cus-west-2&namespaces=payments');
    expect(workspaceTopologyHref({ clusters: [] })).toBe('/topology');
  });
});
