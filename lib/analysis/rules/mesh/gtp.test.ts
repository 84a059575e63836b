import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkTrafficPolicyRegions } from './gtp';

const gtp = `apiVersion: admiral.io/v1alpha1
kind: GlobalTrafficPolicy
metadata: {name: gtp, namespace: sample, labels: {identity: greeting}}
spec: {policy: [{dnsPrefix: default, lbType: 1, target: [{region: us-west-2, weight: 80}, {region: us-east-2, weight: 20}]}]}
`;
const pod = (ready: boolean) => `apiVersion: v1
kind: Pod
metadata: {name: greeting-1, namespace: sample, labels: {identity: greeting}}
spec: {nodeName: n1, containers: [{name: app, image: nginx}]}
status: {conditions: [{type: Ready, status: "${ready ? 'True' : 'False'}"}]}
`;
const node = (region: string) => `---
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {topology.kubernetes.io/region: ${region}}}
`;

describe('checkTrafficPolicyRegions (MG0016)', () => {
  it('fires for a weighted region without ready endpoints', () => {
    const fs = checkTrafficPolicyRegions(ctxOf([clusterOf('west', gtp + '---\n' + pod(true) + node('us-west-2')), clusterOf('east', pod(false) + node('us-east-2'))]));
    expect(fs.map((f) => f.message)).toEqual(['GlobalTrafficPolicy sample/gtp (identity greeting, dnsPrefix default) sends 20% to region us-east-2, where greeting has no ready endpoints.']);
  });

  it('is quiet when every weighted region has ready pods', () => {
    expect(checkTrafficPolicyRegions(ctxOf([clusterOf('west', gtp + '---\n' + pod(true) + node('us-west-2')), clusterOf('east', pod(true) + node('us-east-2'))]))).toEqual([]);
  });
});
