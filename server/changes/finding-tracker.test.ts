import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/analysis/types';
import { FindingTracker, type FindingContext } from './finding-tracker';

const AT = '2026-01-01T00:00:00.000Z';
const finding = (id: string, over: Partial<Finding> = {}): Finding => ({
  id, code: 'IST0101', name: 'ReferencedResourceNotFound', level: 'Error', message: 'Referenced host not found: "reviews-v9"',
  objects: [{ cluster: 'c1', kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' }], clusters: ['c1'], fix: 'fix it', ...over,
});
const ctx = (settled: (f: Finding) => boolean = () => true): FindingContext => ({ settled, services: (o) => (o.kind === 'VirtualService' ? [`${o.namespace}/reviews`] : []) });

describe('FindingTracker', () => {
  it('takes the first snapshot as the baseline, then records findings appearing and clearing', () => {
    const t = new FindingTracker();
    expect(t.update([finding('a')], AT, ctx())).toEqual([]);
    const appeared = t.update([finding('a'), finding('b')], AT, ctx());
    expect(appeared).toEqual([
      {
        at: AT, cluster: 'c1', category: 'finding', kind: 'IST0101', namespace: 'bookinfo', name: 'reviews', action: 'created',
        summary: 'IST0101 ReferencedResourceNotFound appeared on VirtualService bookinfo/reviews: Referenced host not found: "reviews-v9"',
        diff: [{ path: 'level', after: 'Error' }], services: ['bookinfo/reviews'],
      },
    ]);
    expect(t.update([finding('b')], AT, ctx()).map((e) => `${e.action} ${e.summary}`)).toEqual(['deleted IST0101 ReferencedResourceNotFound cleared on VirtualService bookinfo/reviews: Referenced host not found: "reviews-v9"']);
    expect(t.update([finding('b')], AT, ctx())).toEqual([]);
  });

  it('keeps the message out when the finding names objects beyond its subject\'s cluster and namespace', () => {
    const t = new FindingTracker();
    t.update([], AT, ctx());
    const split = finding('s', { code: 'MG0001', name: 'SplitTrustRoot', message: 'c1 and c2 differ', clusters: ['c1', 'c2'], objects: [{ cluster: 'c1', kind: 'ConfigMap', namespace: 'istio-system', name: 'istio-ca-root-cert' }, { cluster: 'c2', kind: 'ConfigMap', namespace: 'istio-system', name: 'istio-ca-root-cert' }] });
    const other = finding('m', { mentions: [{ cluster: 'c1', kind: 'VirtualService', namespace: 'secret-team', name: 'x' }] });
    expect(t.update([split, other], AT, ctx()).map((e) => e.summary)).toEqual([
      'MG0001 SplitTrustRoot appeared on ConfigMap istio-system/istio-ca-root-cert (2 clusters)',
      'IST0101 ReferencedResourceNotFound appeared on VirtualService bookinfo/reviews',
    ]);
  });

  it('findings of clusters not settled only move the baseline', () => {
    const t = new FindingTracker();
    t.update([], AT, ctx());
    expect(t.update([finding('a')], AT, ctx(() => false))).toEqual([]);
    expect(t.update([finding('a')], AT, ctx())).toEqual([]);
    expect(t.update([], AT, ctx())).toHaveLength(1);
  });

  it('a finding with no cluster cannot be placed and is left out', () => {
    const t = new FindingTracker();
    t.update([], AT, ctx());
    expect(t.update([finding('x', { objects: [], clusters: [] })], AT, ctx())).toEqual([]);
  });
});
