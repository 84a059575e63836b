import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkSubsetSpread } from './subset-spread';

const svc = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
`;
const pod = (v: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: reviews-${v}, namespace: bookinfo, labels: {app: reviews, version: ${v}}}
spec: {containers: [{name: r, image: r}]}
`;
const dr = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}, {name: east, labels: {topology.istio.io/cluster: a}}]}
`;

describe('checkSubsetSpread (MG0017)', () => {
  it('fires when a subset runs in one cluster of the service but not the other', () => {
    const fs = checkSubsetSpread(ctxOf([clusterOf('a', svc + pod('v1') + dr), clusterOf('b', svc + pod('v2') + dr)]));
    expect(fs.map((f) => [f.code, f.level, f.objects[0]!.cluster])).toEqual([['MG0017', 'Info', 'b']]);
  });

  it('is quiet when the subset runs everywhere, and ignores location-pinned subsets', () => {
    expect(checkSubsetSpread(ctxOf([clusterOf('a', svc + pod('v1') + dr), clusterOf('b', svc + pod('v1') + dr)]))).toEqual([]);
  });
});
