import { describe, expect, it } from 'vitest';
import type { Workload, WorkloadGroup } from '../fleet/workloads';
import { clusterWorkloadRows } from './cluster-workload-rows';

const w = (cluster: string, namespace: string, name: string, dataplane: Workload['dataplane'] = 'ambient'): Workload => ({ cluster, namespace, kind: 'Deployment', name, canonicalService: name, canonicalRevision: 'v1', pods: 1, readyPods: 1, proxies: 0, proxyVersions: [], dataplane });
const g = (ws: Workload[]): WorkloadGroup => ({ mesh: 'prod', namespace: ws[0]!.namespace, canonicalService: ws[0]!.name, canonicalRevision: 'v1', clusters: ws.map((x) => x.cluster), workloads: ws });

describe('clusterWorkloadRows', () => {
  it('keeps this cluster\'s workloads out of groups spanning clusters, in namespace and name order', () => {
    const rows = clusterWorkloadRows([g([w('east', 'shop', 'cart-v1'), w('west', 'shop', 'cart-v1')]), g([w('east', 'bookinfo', 'reviews-v1', 'sidecar')]), g([w('west', 'shop', 'pricing-v1')])], 'east');
    expect(rows.map((r) => `${r.cluster}/${r.namespace}/${r.name}/${r.dataplane}`)).toEqual(['east/bookinfo/reviews-v1/sidecar', 'east/shop/cart-v1/ambient']);
  });
});
