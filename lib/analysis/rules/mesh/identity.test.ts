import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import type { ControlPlaneView, MeshConfigView } from '../../types';
import { checkDuplicateClusterNames, checkMeshIdentity } from './identity';

const mc = (meshId: string, trustDomain = 'cluster.local', name = 'istio'): MeshConfigView => ({ name, meshId, trustDomain });
const cp = (proxyCluster: string, reads: string[] = []): ControlPlaneView => ({ revision: 'default', namespace: 'istio-system', state: 'ok', clusters: reads.map((id) => ({ id, syncStatus: 'synced' })), gateways: [], proxies: [{ pod: 'p', namespace: 'ns', cluster: proxyCluster }] });

describe('checkMeshIdentity (MG0010)', () => {
  it('fires for revisions disagreeing, peers in other meshes, and two trust domains in a mesh', () => {
    const revs = clusterOf('a', '', { mesh: 'prod', meshConfigs: [mc('prod'), mc('prod', 'other.local', 'istio-canary')] });
    expect(checkMeshIdentity(ctxOf([revs])).map((f) => f.code)).toEqual(['MG0010']);
    const peer = [clusterOf('a', '', { mesh: 'prod', controlPlanes: [cp('a', ['b'])] }), clusterOf('b', '', { mesh: 'dev' })];
    expect(checkMeshIdentity(ctxOf(peer))[0]!.message).toContain('belongs to mesh dev');
    const tds = [clusterOf('a', '', { mesh: 'prod', meshConfigs: [mc('prod')] }), clusterOf('b', '', { mesh: 'prod', meshConfigs: [mc('prod', 'corp.example')] })];
    expect(checkMeshIdentity(ctxOf(tds))[0]!.message).toContain('uses 2 trust domains');
  });

  it('is quiet for a consistent mesh', () => {
    const ok = [clusterOf('a', '', { mesh: 'prod', meshConfigs: [mc('prod')], controlPlanes: [cp('a', ['b'])] }), clusterOf('b', '', { mesh: 'prod', meshConfigs: [mc('prod')] })];
    expect(checkMeshIdentity(ctxOf(ok))).toEqual([]);
  });
});

describe('checkDuplicateClusterNames (MG0011)', () => {
  it('fires when two clusters run istiod under one cluster name', () => {
    const fs = checkDuplicateClusterNames(ctxOf([clusterOf('a', '', { controlPlanes: [cp('Kubernetes')] }), clusterOf('b', '', { controlPlanes: [cp('Kubernetes')] })]));
    expect(fs.map((f) => [f.code, f.clusters])).toEqual([['MG0011', ['a', 'b']]]);
  });

  it('is quiet for unique names', () => {
    expect(checkDuplicateClusterNames(ctxOf([clusterOf('a', '', { controlPlanes: [cp('a')] }), clusterOf('b', '', { controlPlanes: [cp('b')] })]))).toEqual([]);
  });
});
