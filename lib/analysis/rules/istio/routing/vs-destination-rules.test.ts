import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkVirtualServiceSubsetsIn } from './vs-destination-rules';

const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}
`;
const vs = (route: string, mirror = '') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: shop}
spec: {hosts: [reviews], http: [{route: [{destination: ${route}}] ${mirror}}]}
`;
const run = (yaml: string, over = {}) => {
  const c = clusterOf('c1', yaml, over);
  return checkVirtualServiceSubsetsIn(ctxOf([c]), c);
};

describe('checkVirtualServiceSubsetsIn', () => {
  it('fires IST0101 for a subset no DestinationRule defines, on routes and mirrors', () => {
    expect(messages(run(dr + vs('{host: reviews, subset: v2}', ', mirror: {host: reviews.shop.svc.cluster.local, subset: v3}')))).toEqual([
      'IST0101 Referenced host+subset in destinationrule not found: "reviews+v2"',
      'IST0101 Referenced mirror+subset in destinationrule not found: "reviews.shop.svc.cluster.local+v3"',
    ]);
  });

  it('is quiet for a defined subset (short or full host), no subset, or an incomplete cluster', () => {
    expect(run(dr + vs('{host: reviews.shop.svc.cluster.local, subset: v1}', ', mirror: {host: reviews}'))).toEqual([]);
    expect(run(vs('{host: reviews, subset: v2}'), { complete: false })).toEqual([]);
  });
});
