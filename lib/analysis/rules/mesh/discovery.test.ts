import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import type { ControlPlaneView, SecretView } from '../../types';
import { checkDiscoverySymmetry, checkRemoteSecretsSynced } from './discovery';

const cp = (clusters: Array<[string, string]>): ControlPlaneView => ({ revision: 'default', namespace: 'istio-system', state: 'ok', version: '1.23.2', clusters: clusters.map(([id, syncStatus]) => ({ id, syncStatus })), gateways: [], proxies: [] });
const secret = (peer: string): SecretView => ({ namespace: 'istio-system', name: `istio-remote-secret-${peer}`, labels: { 'istio/multiCluster': 'true' }, annotations: {}, dataKeys: [peer] });
const c = (name: string, reads: string[], status = 'synced') => clusterOf(name, '', { controlPlanes: [cp([[name, 'synced'], ...reads.map((r) => [r, status] as [string, string])])], secrets: reads.map(secret) });

describe('checkDiscoverySymmetry (MG0008)', () => {
  it('fires when a reads b but b does not read a', () => {
    const fs = checkDiscoverySymmetry(ctxOf([c('a', ['b']), c('b', [])]));
    expect(fs.map((f) => [f.code, f.clusters])).toEqual([['MG0008', ['a', 'b']]]);
  });

  it('is quiet for mutual discovery, and for a remote cluster without istiod', () => {
    expect(checkDiscoverySymmetry(ctxOf([c('a', ['b']), c('b', ['a'])]))).toEqual([]);
    expect(checkDiscoverySymmetry(ctxOf([c('a', ['r']), clusterOf('r', '')]))).toEqual([]);
  });
});

describe('checkRemoteSecretsSynced (MG0009)', () => {
  it('fires for a remote secret whose cluster is not synced or not listed', () => {
    expect(checkRemoteSecretsSynced(ctxOf([c('a', ['b'], 'timeout')]))[0]!.message).toContain('names cluster b, which is timeout');
    const unlisted = clusterOf('a', '', { controlPlanes: [cp([])], secrets: [secret('b')] });
    expect(checkRemoteSecretsSynced(ctxOf([unlisted]))[0]!.message).toContain('is not listed by istiod');
  });

  it('is quiet when synced, or when istiod was not polled', () => {
    expect(checkRemoteSecretsSynced(ctxOf([c('a', ['b'])]))).toEqual([]);
    expect(checkRemoteSecretsSynced(ctxOf([clusterOf('a', '', { controlPlanes: [{ ...cp([]), state: 'error' }], secrets: [secret('b')] })]))).toEqual([]);
  });
});
