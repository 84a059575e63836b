import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkAuthorizationPoliciesIn, namespaceMatches } from './authorization-policies';

const namespace = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio-injection: enabled}}
`;
const pod = (app: string, extra = '') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${app}-1, namespace: shop, labels: {app: ${app}}${extra}}
spec: {containers: [{name: app, image: app:1}]}
`;
const policy = (name: string, ns: string, spec: string) => `---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec: ${spec}
`;
const run = (yaml: string, over = {}) => {
  const c = clusterOf('c', yaml, over);
  return messages(checkAuthorizationPoliciesIn(ctxOf([c]), c));
};

describe('checkAuthorizationPoliciesIn', () => {
  it('fires IST0127 for a selector, a namespace or a mesh-wide selector without workloads', () => {
    expect(run(namespace + pod('web') + policy('p', 'shop', '{selector: {matchLabels: {app: api}}}'))).toEqual(['IST0127 No matching workloads for this resource with the following labels: app=api']);
    expect(run(namespace + policy('p', 'shop', '{}'))).toEqual(['IST0127 No matching workloads for this resource with the following labels: ']);
    expect(run(namespace + pod('web') + policy('p', 'istio-system', '{selector: {matchLabels: {app: api}}}'))).toEqual(['IST0127 No matching workloads for this resource with the following labels: app=api']);
  });

  it('fires IST0127 when the selected pods are outside the mesh', () => {
    expect(run(pod('web') + policy('p', 'shop', '{selector: {matchLabels: {app: web}}}'))).toEqual(['IST0127 No matching workloads for this resource with the following labels: app=web']);
  });

  it('fires IST0101 for each source namespace pattern matching no namespace', () => {
    const rules = '{rules: [{from: [{source: {namespaces: ["shop", "sh*", "*-prod"]}}, {source: {notNamespaces: ["gone"]}}]}]}';
    expect(run(namespace + pod('web') + policy('p', 'shop', rules))).toEqual([
      'IST0101 Referenced namespace not found: "*-prod"',
      'IST0101 Referenced namespace not found: "gone"',
    ]);
  });

  it('is quiet for selected injected or ambient pods, a mesh-wide policy, and incomplete clusters', () => {
    expect(run(namespace + pod('web') + policy('p', 'shop', '{selector: {matchLabels: {app: web}}}') + policy('all', 'istio-system', '{}'))).toEqual([]);
    expect(run(pod('web', ', annotations: {ambient.istio.io/redirection: enabled}') + policy('p', 'shop', '{selector: {matchLabels: {app: web}}}'))).toEqual([]);
    expect(run(namespace + policy('p', 'shop', '{rules: [{from: [{source: {namespaces: [gone]}}]}]}'), { complete: false })).toEqual([]);
  });

  it('in a source that slims pods: counts proxy-less pods of ambient namespaces, and does not judge selectors on dropped labels', () => {
    const ambient = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}\n';
    const slim = { podLabelKeys: new Set(['app']) };
    expect(run(ambient + pod('web') + policy('p', 'shop', '{selector: {matchLabels: {app: web}}}'), slim)).toEqual([]);
    expect(run(namespace + pod('web') + policy('p', 'shop', '{selector: {matchLabels: {team: x}}}'), slim)).toEqual([]);
  });

  it('matches namespace patterns as Istio does', () => {
    expect(['*', 'prod-*', '*-test', 'PROD-WEB'].map((p) => namespaceMatches('prod-web', p))).toEqual([true, true, false, true]);
  });
});
