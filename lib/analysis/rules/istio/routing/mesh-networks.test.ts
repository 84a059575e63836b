import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkMeshNetworksIn } from './mesh-networks';

const networks = { networks: { east: { endpoints: [{ fromRegistry: 'Kubernetes' }, { fromRegistry: 'remote-1' }] }, west: { endpoints: [{ fromRegistry: 'c2' }, { fromCidr: '10.0.0.0/8' }] } } };
const remoteSecret = `apiVersion: v1
kind: Secret
metadata: {name: istio-remote-secret-remote-1, namespace: istio-system, labels: {istio/multiCluster: "true"}}
stringData: {remote-1: kubeconfig}
`;
const run = (yaml: string, over = {}) => {
  const c = clusterOf('c1', yaml, { meshNetworks: networks, ...over });
  return checkMeshNetworksIn(ctxOf([c, clusterOf('c2', '')]), c);
};

describe('checkMeshNetworksIn', () => {
  it('fires IST0126 for a registry that is neither built in, a remote secret\'s cluster, nor a cluster of the mesh', () => {
    const fs = run('');
    expect(messages(fs)).toEqual(['IST0126 Unknown service registry remote-1 in network east']);
    expect(fs[0]!.objects[0]).toMatchObject({ kind: 'MeshNetworks', namespace: 'istio-system', name: 'meshnetworks' });
  });

  it('is quiet when a remote secret names the cluster, or without mesh networks', () => {
    expect(run(remoteSecret)).toEqual([]);
    expect(run('', { meshNetworks: undefined })).toEqual([]);
  });
});
