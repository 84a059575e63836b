import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { builtinKinds } from '../clusters/kinds';
import type { SlimSecretMeta } from '../clusters/records';
import { getCluster, getClusters } from './clusters';
import { getControlPlanes } from './controlplanes';
import { FleetModel } from './model';
import { ALL, type VisibilityScope } from './scope';

const kind = (role: string) => builtinKinds().find((k) => k.role === role)!;
const ok = { condition: () => ({ phase: 'ok' as const, reason: '', syncedKinds: 9, totalKinds: 9, forbiddenKinds: [], dataAgeSeconds: 0 }), skipped: () => ({ count: 0, oversized: 0 }), kubernetesVersion: () => undefined };
const shopOnly: VisibilityScope = { kind: 'grants', grants: [{ workspace: 'shop', role: 'viewer', selectors: [parseSelector('east/shop')] }] };

/** Cluster east (namespaces shop and hidden-ns), with a remote secret for west-secret-peer and an istiod that discovers it. */
function fleet(): FleetModel {
  const m = new FleetModel();
  m.setSourcesView(() => [{ id: 'kubeconfig:/etc/meshglass/very-secret-kubeconfig.yaml', kind: 'kubeconfig', state: 'ok', clusters: ['east', 'west-secret-peer'] }]);
  m.setConfigView(() => ({ file: '/etc/meshglass/meshglass.yaml', state: 'ok', loadedAt: '2026-01-01T00:00:00Z' }));
  for (const name of ['east', 'west-secret-peer']) m.upsertCluster({ name, displayName: name, source: `kubeconfig:/etc/meshglass/very-secret-kubeconfig.yaml#${name}` }, ok);
  for (const ns of ['shop', 'hidden-ns', 'istio-system']) m.apply('east', kind('namespaces'), ns, { name: ns, labels: {} });
  for (const [ns, name] of [['shop', 'cart'], ['hidden-ns', 'vault'], ['hidden-ns', 'ledger']]) {
    m.apply('east', kind('services'), `${ns}/${name}`, { namespace: ns!, name: name!, type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [], labels: {}, externalAddresses: [] });
  }
  const secret: SlimSecretMeta = { namespace: 'istio-system', name: 'istio-remote-secret-west-secret-peer', type: 'Opaque', labels: { 'istio/multiCluster': 'true' }, annotations: {}, dataKeys: ['west-secret-peer'] };
  m.apply('east', kind('secrets'), 'istio-system/istio-remote-secret-west-secret-peer', secret);
  m.setControlPlanes('east', [{
    revision: 'default', namespace: 'istio-system', state: 'ok', version: '1.30.3', proxies: [],
    clusters: [{ id: 'east', syncStatus: 'synced' }, { id: 'west-secret-peer', secretName: 'istio-remote-secret-west-secret-peer', syncStatus: 'synced' }],
    gateways: [{ network: 'net-west', cluster: 'west-secret-peer', address: '203.0.113.77', port: 15443 }],
  }]);
  return m;
}

describe('clusters and control planes for a scoped caller', () => {
  it('tell a viewer of east/shop nothing of other clusters, other namespaces or server paths', () => {
    const m = fleet();
    const answers = [getClusters(m, shopOnly), getCluster(m, shopOnly, 'east'), getControlPlanes(m, shopOnly, {})];
    const text = JSON.stringify(answers);
    for (const secret of ['west-secret-peer', 'very-secret-kubeconfig', 'meshglass.yaml', '203.0.113.77', 'net-west', 'hidden-ns']) expect(text, secret).not.toContain(secret);
    const east = getClusters(m, shopOnly).data.items[0]!;
    expect(east).toMatchObject({ name: 'east', source: 'kubeconfig', remoteSecretCount: 0 });
    expect(east.counts).toMatchObject({ namespaces: 1, services: 1 });
  });

  it('tell an admin everything', () => {
    const m = fleet();
    const list = getClusters(m, ALL).data;
    expect(list.items.find((c) => c.name === 'east')).toMatchObject({ remoteSecretCount: 1, counts: { namespaces: 3, services: 3 } });
    expect(list.sources[0]?.id).toContain('very-secret-kubeconfig');
    expect(list.config?.file).toBe('/etc/meshglass/meshglass.yaml');
    expect(getControlPlanes(m, ALL, {}).data[0]?.networkGateways).toHaveLength(1);
  });
});
