import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkWebhooksIn } from './webhooks';

const injector = (name: string, selector: string, service = 'istiod') => `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: ${name}}
webhooks:
- name: sidecar-injector.istio.io
  clientConfig: {service: {name: ${service}, namespace: istio-system}}
  namespaceSelector: ${selector}
---
`;
const istiod = 'apiVersion: v1\nkind: Service\nmetadata: {name: istiod, namespace: istio-system}\nspec: {ports: [{port: 443}]}\n';
const run = (yaml: string, complete = true) => {
  const c = clusterOf('c', yaml, { complete }, {});
  return messages(checkWebhooksIn(ctxOf([c]), c));
};

describe('checkWebhooksIn', () => {
  it('fires IST0139 on each of two injectors that select the same namespaces', () => {
    expect(run(injector('a', '{matchLabels: {istio-injection: enabled}}') + injector('b', '{matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}') + istiod)).toEqual([
      'IST0139 Webhook overlaps with others: [b/sidecar-injector.istio.io]. This may cause injection to occur twice.',
      'IST0139 Webhook overlaps with others: [a/sidecar-injector.istio.io]. This may cause injection to occur twice.',
    ]);
  });

  it('fires IST0139 for an injector calling a Service that does not exist, unless the cluster is incomplete', () => {
    const yaml = injector('a', '{matchLabels: {istio-injection: enabled}}', 'istiod-gone') + istiod;
    expect(run(yaml)).toEqual(['IST0139 Injector refers to a control plane service that does not exist: istio-system/istiod-gone.']);
    expect(run(yaml, false)).toEqual([]);
  });

  it('is quiet for injectors split by revision', () => {
    expect(run(injector('a', '{matchLabels: {istio-injection: enabled}}') + injector('b', '{matchExpressions: [{key: istio-injection, operator: DoesNotExist}, {key: istio.io/rev, operator: In, values: [canary]}]}') + istiod)).toEqual([]);
  });
});
