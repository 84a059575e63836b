import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkDestinationRuleSubsets } from './dr-subsets';

const svc = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
`;
const pod = (version: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: reviews-${version}, namespace: bookinfo, labels: {app: reviews, version: ${version}}}
spec: {containers: [{name: reviews, image: reviews}]}
`;
const dr = (host: string, subsets: string) => `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec: {host: ${host}, subsets: ${subsets}}
`;

describe('checkDestinationRuleSubsets', () => {
  it('fires IST0174 for an unknown host and IST0173 for a subset selecting no pod', () => {
    expect(messages(checkDestinationRuleSubsets(ctxOf([clusterOf('a', dr('nope', '[]'))])))).toEqual(['IST0174 The host nope defined in the DestinationRule does not match any services in the mesh.']);
    expect(messages(checkDestinationRuleSubsets(ctxOf([clusterOf('a', svc + pod('v1') + dr('reviews', '[{name: v1, labels: {version: v1}}, {name: v9, labels: {version: v9}}]'))])))).toEqual([
      'IST0173 The Subset v9 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).',
    ]);
  });

  it('is quiet when pods in another cluster, or topology labels, satisfy the subset', () => {
    const subsets = '[{name: v3, labels: {version: v3}}, {name: in-b, labels: {topology.istio.io/cluster: b}}]';
    expect(checkDestinationRuleSubsets(ctxOf([clusterOf('a', svc + dr('reviews', subsets)), clusterOf('b', svc + pod('v3'))]))).toEqual([]);
  });

  it('does not judge subsets on labels a slimmed source does not keep', () => {
    const c = clusterOf('a', svc + pod('v1') + dr('reviews', '[{name: x, labels: {team: blue}}]'), { podLabelKeys: new Set(['app', 'version']) });
    expect(checkDestinationRuleSubsets(ctxOf([c]))).toEqual([]);
  });
});

describe('checkDestinationRuleSubsets host scoping', () => {
  const hidden = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo, annotations: {networking.istio.io/exportTo: bookinfo}}
spec: {ports: [{name: http, port: 9080}]}
`;
  const drIn = (ns: string, extra = '') => `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: ${ns}}
spec: {host: reviews.bookinfo.svc.cluster.local, ${extra} subsets: []}
`;

  it('fires IST0174 from a namespace the Service is not exported to', () => {
    expect(messages(checkDestinationRuleSubsets(ctxOf([clusterOf('a', hidden + drIn('other'))]))).map((m) => m.slice(0, 7))).toEqual(['IST0174']);
  });

  it('is quiet in the namespace itself, or when the DestinationRule is exported there', () => {
    expect(checkDestinationRuleSubsets(ctxOf([clusterOf('a', hidden + drIn('bookinfo'))]))).toEqual([]);
    expect(checkDestinationRuleSubsets(ctxOf([clusterOf('a', hidden + drIn('other', 'exportTo: [bookinfo],'))]))).toEqual([]);
  });

  it('does not conclude a host is missing while a cluster of the mesh is incomplete', () => {
    expect(checkDestinationRuleSubsets(ctxOf([clusterOf('a', drIn('other')), clusterOf('b', '', { complete: false })]))).toEqual([]);
  });
});
