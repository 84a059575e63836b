import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
import { checkUnknownAnnotations } from './annotations';

const ns = (ann: string) => `apiVersion: v1
kind: Namespace
metadata: {name: shop, annotations: {${ann}}}
`;

describe('checkUnknownAnnotations', () => {
  it('fires IST0108 for a misspelt Istio annotation', () => {
    expect(messages(checkUnknownAnnotations(ctxOf([clusterOf('c', ns('sidecar.istio.io/injekt: "true"'))])))).toEqual(['IST0108 Unknown annotation: sidecar.istio.io/injekt']);
  });

  it('is quiet for known Istio annotations and foreign ones', () => {
    expect(checkUnknownAnnotations(ctxOf([clusterOf('c', ns('sidecar.istio.io/proxyCPU: 100m, example.com/owner: me'))]))).toEqual([]);
  });
});
