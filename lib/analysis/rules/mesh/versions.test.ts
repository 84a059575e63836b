import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import type { ControlPlaneView } from '../../types';
import { checkControlPlaneSkew, checkProxySkew, checkUnusedCanaries } from './versions';

const cp = (revision: string, version: string): ControlPlaneView => ({ revision, namespace: 'istio-system', state: 'ok', version, clusters: [], gateways: [], proxies: [] });
const pods = (version: string, rev = '') => `apiVersion: v1
kind: Pod
metadata: {name: ratings-1, namespace: bookinfo, labels: {app: ratings${rev ? `, istio.io/rev: ${rev}` : ''}}}
spec: {containers: [{name: ratings, image: ratings}, {name: istio-proxy, image: "docker.io/istio/proxyv2:${version}"}]}
`;

describe('version rules', () => {
  it('MG0012: control planes two minors apart', () => {
    const fs = checkControlPlaneSkew(ctxOf([clusterOf('a', '', { controlPlanes: [cp('default', '1.22.5')] }), clusterOf('b', '', { controlPlanes: [cp('default', '1.23.2'), cp('canary', '1.24.1')] })]));
    expect(fs.map((f) => f.code)).toEqual(['MG0012']);
    expect(fs[0]!.message).toContain('span 1.22 to 1.24');
  });

  it('MG0013: a proxy two minors behind its control plane', () => {
    const fs = checkProxySkew(ctxOf([clusterOf('a', pods('1.21.4'), { controlPlanes: [cp('default', '1.23.2')] })]));
    expect(fs.map((f) => f.code)).toEqual(['MG0013']);
    expect(fs[0]!.objects[0]).toMatchObject({ kind: 'Pod', name: 'ratings-1' });
  });

  it('MG0014: a canary revision nothing uses', () => {
    const fs = checkUnusedCanaries(ctxOf([clusterOf('a', pods('1.23.2'), { controlPlanes: [cp('default', '1.23.2'), cp('canary', '1.24.1')] })]));
    expect(fs.map((f) => [f.code, f.objects[0]!.name])).toEqual([['MG0014', 'istiod-canary']]);
  });

  it('is quiet within one minor of skew and when the canary has a proxy', () => {
    const c = clusterOf('a', pods('1.23.0', 'canary'), { controlPlanes: [cp('default', '1.23.2'), cp('canary', '1.24.1')] });
    expect(checkControlPlaneSkew(ctxOf([c]))).toEqual([]);
    expect(checkProxySkew(ctxOf([c]))).toEqual([]);
    expect(checkUnusedCanaries(ctxOf([c]))).toEqual([]);
  });
});
