import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { ALPHA_ANALYZER, checkAlphaAnnotationsIn } from './alpha-annotations';

const pod = (annotations: string, initContainers = '[]') => `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, annotations: {${annotations}}}
spec: {containers: [{name: app}], initContainers: ${initContainers}}
`;
const run = (yaml: string, asked = true) => {
  const c = clusterOf('c', yaml, {}, {});
  return messages(checkAlphaAnnotationsIn(ctxOf([c], asked ? { analyzers: new Set([ALPHA_ANALYZER]) } : {}), c));
};

describe('checkAlphaAnnotationsIn', () => {
  it('fires IST0136 for an alpha annotation when asked for', () => {
    expect(run(pod('sidecar.istio.io/statsInclusionPrefixes: cluster.outbound'))).toEqual(['IST0136 Annotation "sidecar.istio.io/statsInclusionPrefixes" is part of an alpha-phase feature and may be incompletely supported.']);
  });

  it('counts capture annotations only on pods redirected by istio-init', () => {
    expect(run(pod('sidecar.istio.io/interceptionMode: REDIRECT', '[{name: istio-init}]'))).toHaveLength(1);
    expect(run(pod('sidecar.istio.io/interceptionMode: REDIRECT'))).toEqual([]);
  });

  it('is quiet unless asked for, and for non-alpha or Istio-written annotations', () => {
    expect(run(pod('sidecar.istio.io/statsInclusionPrefixes: cluster.outbound'), false)).toEqual([]);
    expect(run(pod('proxy.istio.io/config: "{}", sidecar.istio.io/status: "{}"'))).toEqual([]);
  });
});
