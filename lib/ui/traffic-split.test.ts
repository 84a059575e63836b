import { describe, expect, it } from 'vitest';
import { destinationRuleSubsets, trafficPolicySummary, virtualServiceSplits } from './traffic-split';

describe('virtualServiceSplits', () => {
  it('reads weighted HTTP routes', () => {
    const spec = { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 90 }, { destination: { host: 'reviews', subset: 'v2', port: { number: 9080 } }, weight: 10 }] }] };
    expect(virtualServiceSplits(spec)).toEqual([
      { route: 'http[0]', destinations: [{ host: 'reviews', subset: 'v1', port: undefined, weight: 90 }, { host: 'reviews', subset: 'v2', port: 9080, weight: 10 }] },
    ]);
  });

  it('gives a lone destination 100 and names matched routes', () => {
    const spec = { http: [{ match: [{ headers: {} }], route: [{ destination: { host: 'a' } }] }, { name: 'default', route: [{ destination: { host: 'b' } }] }] };
    const out = virtualServiceSplits(spec);
    expect(out.map((r) => r.route)).toEqual(['http[0] (with match)', 'default']);
    expect(out[0]?.destinations[0]?.weight).toBe(100);
  });

  it('tolerates junk', () => {
    expect(virtualServiceSplits(null)).toEqual([]);
    expect(virtualServiceSplits({ http: 'x' })).toEqual([]);
  });
});

describe('destination rules', () => {
  const spec = {
    subsets: [{ name: 'v1', labels: { version: 'v1' } }, { labels: {} }],
    trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN', localityLbSetting: { enabled: true, failover: [{ from: 'us-east-1', to: 'us-west-2' }] } }, outlierDetection: { consecutive5xxErrors: 5, baseEjectionTime: '30s' } },
  };
  it('lists named subsets', () => expect(destinationRuleSubsets(spec)).toEqual([{ name: 'v1', labels: { version: 'v1' } }]));
  it('summarises the policy', () =>
    expect(trafficPolicySummary(spec)).toEqual(['load balancing ROUND_ROBIN', 'locality failover us-east-1 → us-west-2', 'outlier detection (5 consecutive 5xx, eject 30s)']));
});
