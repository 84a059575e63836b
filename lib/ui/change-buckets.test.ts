import { describe, expect, it } from 'vitest';
import { bucketChanges } from './change-buckets';
import { changeTarget } from './change-links';

describe('the timeline histogram', () => {
  it('counts each change into the bucket of its time, by category, and leaves out what lies outside', () => {
    const from = Date.parse('2026-12-07T00:00:00Z');
    const at = (min: number) => new Date(from + min * 60_000).toISOString();
    const b = bucketChanges([{ at: at(0), category: 'config' }, { at: at(9.99), category: 'config' }, { at: at(10), category: 'workload' }, { at: at(59.9), category: 'cluster' }, { at: at(60), category: 'config' }, { at: at(-1), category: 'config' }], from, from + 3_600_000, 6);
    expect(b.map((x) => x.total)).toEqual([2, 1, 0, 0, 0, 1]);
    expect(b[0]!.byCategory).toEqual({ config: 2 });
    expect(b[1]!.start).toBe(from + 600_000);
  });
});

describe('where a change leads', () => {
  const base = { cluster: 'us-east-1', namespace: 'bookinfo', name: 'reviews', services: ['bookinfo/reviews'] };
  it('config to the object in the config browser, workloads to their service in that cluster, the rest to the cluster', () => {
    expect(changeTarget({ ...base, category: 'config', kind: 'DestinationRule' }).href).toBe('/config?kind=DestinationRule&namespace=bookinfo&q=reviews');
    expect(changeTarget({ ...base, category: 'workload', kind: 'Deployment', name: 'reviews-v2' }).href).toBe('/services/bookinfo/reviews?cluster=us-east-1');
    expect(changeTarget({ ...base, category: 'workload', kind: 'Deployment', services: [] }).href).toBe('/clusters/us-east-1');
    expect(changeTarget({ ...base, category: 'controlplane', kind: 'ControlPlane', namespace: 'istio-system', name: 'default' }).href).toBe('/clusters/us-east-1');
  });
});
