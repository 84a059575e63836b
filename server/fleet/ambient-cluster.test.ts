import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { ambientModel, applyObjects, deleteObject, fixtureObject } from './testing/ambient-model';
import { getCluster, getClusters } from './clusters';
import { FleetModel } from './model';
import { ALL, type VisibilityScope } from './scope';

const scoped = (...selectors: string[]): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: selectors.map(parseSelector) }] });

describe('ztunnel per node', () => {
  it('reads each node ready, not ready or missing, with its ambient pods and the ztunnel version', () => {
    const d = getCluster(ambientModel(), ALL, 'east')!.data;
    expect(d.ztunnels).toEqual([
      // storefront, cart-v1 (redirected); inventory-db is on node-3.
      { node: 'node-1', pod: 'ztunnel-aaaaa', state: 'ready', version: '1.24.1', ambientPods: 2 },
      { node: 'node-2', pod: 'ztunnel-bbbbb', state: 'not-ready', version: '1.24.1', ambientPods: 1 },
      // No ztunnel here: its ambient pod (inventory-db) is cut off. The app=ztunnel pod in legacy is no ztunnel.
      { node: 'node-3', state: 'missing', ambientPods: 1 },
    ]);
    expect(getClusters(ambientModel(), ALL).data.items[0]!.ambient).toEqual({ ztunnelNodes: 2, ztunnelReady: 1, ambientNamespaces: 1, waypoints: 1 });
  });

  it('lists no nodes, and no ambient counts, for a cluster without ztunnel or ambient pods', () => {
    const m = new FleetModel();
    m.upsertCluster({ name: 'plain', displayName: 'plain', source: 'test' });
    applyObjects(m, 'plain', [fixtureObject('Node', '', 'node-1'), fixtureObject('Namespace', '', 'bookinfo'), fixtureObject('Pod', 'bookinfo', 'productpage-v1-1a2b-aaaaa')]);
    const d = getCluster(m, ALL, 'plain')!.data;
    expect(d.ztunnels).toEqual([]);
    expect(d.waypoints).toEqual([]);
    expect(d.ambient).toBeUndefined();
  });

  it('follows a ztunnel pod turning ready, and tells the cluster page so', () => {
    const m = ambientModel();
    const touched: string[] = [];
    m.feed.subscribeUncollapsed((c) => touched.push(...c.keys));
    const p = fixtureObject('Pod', 'istio-system', 'ztunnel-bbbbb');
    (p.status as { conditions: Array<{ status: string }> }).conditions[0]!.status = 'True';
    applyObjects(m, 'east', [p]);
    m.feed.flush();
    expect(touched).toContain('clusters/east');
    expect(getCluster(m, ALL, 'east')!.data.ztunnels.map((z) => z.state)).toEqual(['ready', 'ready', 'missing']);
    expect(getClusters(m, ALL).data.items[0]!.ambient?.ztunnelReady).toBe(2);
  });

  it('counts for a scoped caller only the ambient pods it may see, and hides the ztunnel pod names', () => {
    const d = getCluster(ambientModel(), scoped('east/legacy'), 'east')!.data;
    expect(d.ztunnels.map((z) => [z.node, z.state, z.pod, z.ambientPods])).toEqual([
      ['node-1', 'ready', undefined, 0],
      ['node-2', 'not-ready', undefined, 0],
      ['node-3', 'missing', undefined, 0],
    ]);
    expect(d.waypoints).toEqual([]);
    expect(d.ambient).toEqual({ ztunnelNodes: 2, ztunnelReady: 1, ambientNamespaces: 0, waypoints: 0 });
    expect(getCluster(ambientModel(), scoped('east/shop'), 'east')!.data.ztunnels.map((z) => z.ambientPods)).toEqual([2, 1, 1]);
  });
});

describe('waypoints of a cluster', () => {
  it('lists waypoint Gateways with pods ready of desired, Programmed, and what is bound to them', () => {
    const d = getCluster(ambientModel(), ALL, 'east')!.data;
    // The ingress Gateway (class istio) is no waypoint; inventory-db opted out; the waypoint's own Service uses none.
    expect(d.waypoints).toEqual([
      { namespace: 'shop', name: 'waypoint', for: 'service', ready: 1, desired: 2, programmed: true, services: ['shop/cart', 'shop/cart-v1', 'shop/cart-v2', 'shop/pricing', 'shop/storefront'], namespaces: ['shop'] },
    ]);
  });

  it('follows the Gateway status and its removal', () => {
    const m = ambientModel();
    const gw = fixtureObject('Gateway', 'shop', 'waypoint');
    gw.metadata.resourceVersion = '2';
    (gw.status as { conditions: Array<{ type: string; status: string }> }).conditions[1]!.status = 'False';
    const touched: string[] = [];
    m.feed.subscribeUncollapsed((c) => touched.push(...c.keys));
    applyObjects(m, 'east', [gw]);
    m.feed.flush();
    expect(touched).toEqual(expect.arrayContaining(['clusters/east', 'services/shop/cart']));
    expect(getCluster(m, ALL, 'east')!.data.waypoints[0]!.programmed).toBe(false);
    deleteObject(m, 'east', gw);
    expect(getCluster(m, ALL, 'east')!.data.waypoints).toEqual([]);
    expect(getClusters(m, ALL).data.items[0]!.ambient?.waypoints).toBe(0);
    // Still asked for by the namespace, but gone: not ready.
    expect(m.serviceInstances('shop/cart').get('east')!.waypoint).toMatchObject({ name: 'waypoint', ready: false });
  });

  it('leaves out of a scoped answer the services and namespaces it may not see', () => {
    const m = ambientModel();
    // A bookinfo Service that uses shop's waypoint across namespaces.
    const pp = fixtureObject('Service', 'bookinfo', 'productpage');
    pp.metadata.labels = { 'istio.io/use-waypoint': 'waypoint', 'istio.io/use-waypoint-namespace': 'shop' };
    applyObjects(m, 'east', [pp]);
    expect(getCluster(m, ALL, 'east')!.data.waypoints[0]!.services).toContain('bookinfo/productpage');
    expect(getCluster(m, scoped('east/shop'), 'east')!.data.waypoints[0]!.services).not.toContain('bookinfo/productpage');
    expect(getCluster(m, scoped('east/bookinfo'), 'east')!.data.waypoints).toEqual([]);
  });
});
