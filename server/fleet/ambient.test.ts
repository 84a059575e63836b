import { describe, expect, it } from 'vitest';
import { parseSelector } from '@/lib/access/selector';
import { ambientModel, applyObjects, fixtureObject } from './testing/ambient-model';
import { getWorkloads } from './workloads';
import { getService, getServices } from './services';
import { ALL, type VisibilityScope } from './scope';

const workloadModes = (m: ReturnType<typeof ambientModel>) => Object.fromEntries(m.workloads('east').map((w) => [`${w.namespace}/${w.name}`, w.dataplane]));
const scoped = (...selectors: string[]): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: selectors.map(parseSelector) }] });

describe('data-plane modes', () => {
  it('gives each workload the mode of its pods, and a workload without pods its namespace mode', () => {
    const modes = workloadModes(ambientModel());
    expect(modes).toMatchObject({
      'shop/storefront-v1': 'ambient',
      'shop/cart-v1': 'ambient',
      'shop/cart-v2': 'sidecar',
      // Not redirected yet, but its namespace is ambient.
      'shop/inventory-db': 'ambient',
      // Scaled to zero: what the namespace asks for.
      'shop/pricing-v1': 'ambient',
      'bookinfo/productpage-v1': 'sidecar',
      'legacy/old': 'none',
      // Istio's own proxies: nothing captures their traffic.
      'shop/waypoint': 'none',
      'istio-system/istiod': 'none',
    });
  });

  it('gives each instance its pods\' mode, mixed when they differ, and each row the distinct modes', () => {
    const m = ambientModel();
    const inst = (ns: string, name: string) => m.serviceInstances(`${ns}/${name}`).get('east')!;
    expect(inst('shop', 'storefront').dataplane).toBe('ambient');
    expect(inst('shop', 'cart').dataplane).toBe('mixed');
    expect(inst('bookinfo', 'productpage').dataplane).toBe('sidecar');
    expect(inst('legacy', 'old').dataplane).toBe('none');
    // No endpoints: the namespace's mode.
    expect(inst('shop', 'pricing').dataplane).toBe('ambient');
    const rows = getServices(m, ALL, { page: 1, pageSize: 100, sort: 'name' }).data.items;
    expect(rows.find((r) => r.name === 'cart')?.dataplanes).toEqual(['mixed']);
    expect(rows.find((r) => r.name === 'storefront')?.dataplanes).toEqual(['ambient']);
  });

  it('merges modes across clusters into a row, and filters rows and workloads by mode', () => {
    const m = ambientModel(['east', 'west']);
    // west's shop goes back to sidecars (the dataplane-mismatch scenario): namespace relabelled, pods restarted.
    const shop = fixtureObject('Namespace', '', 'shop');
    shop.metadata.labels = { 'istio-injection': 'enabled' };
    const pods = ['storefront-v1-7d9f-aaaaa', 'storefront-v1-7d9f-bbbbb'].map((n) => {
      const p = fixtureObject('Pod', 'shop', n);
      p.metadata.annotations = {};
      (p.spec as { containers: unknown[] }).containers.push({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.1' });
      return p;
    });
    applyObjects(m, 'west', [shop, ...pods]);
    const rows = getServices(m, ALL, { page: 1, pageSize: 100, sort: 'name', dataplane: 'ambient' }).data.items;
    const storefront = rows.find((r) => r.name === 'storefront');
    expect(storefront?.dataplanes).toEqual(['sidecar', 'ambient']);
    // A mode is matched as it is: cart is mixed in both clusters.
    expect(rows.find((r) => r.name === 'cart')).toBeUndefined();
    expect(getServices(m, ALL, { page: 1, pageSize: 100, sort: 'name', dataplane: 'mixed' }).data.items.map((r) => r.name)).toEqual(['cart']);
    expect(rows.map((r) => `${r.namespace}/${r.name}`)).not.toContain('bookinfo/productpage');
    // west's inventory-db pod was never redirected and its namespace no longer asks for ambient; a waypoint is Istio's own (none).
    expect(getServices(m, ALL, { page: 1, pageSize: 100, sort: 'name', dataplane: 'none' }).data.items.map((r) => `${r.namespace}/${r.name}`)).toEqual(['shop/inventory-db', 'legacy/old', 'shop/waypoint']);
    // The relabelled namespace re-derives west's workloads: the Deployment without pods now asks for sidecars.
    expect(workloadModes(m)['shop/pricing-v1']).toBe('ambient');
    expect(m.workloads('west').find((w) => w.name === 'pricing-v1')?.dataplane).toBe('sidecar');
    const groups = getWorkloads(m, ALL, { page: 1, pageSize: 100, dataplane: 'sidecar', namespace: 'shop' }).data.items;
    expect(groups.flatMap((g) => g.workloads.map((w) => `${w.cluster}/${w.name}`)).sort()).toEqual(['east/cart-v2', 'west/cart-v2', 'west/pricing-v1', 'west/storefront-v1']);
  });

  it('keeps a scoped caller to the modes of the clusters it sees', () => {
    const m = ambientModel(['east', 'west']);
    const shop = fixtureObject('Namespace', '', 'shop');
    shop.metadata.labels = {};
    const pods = ['storefront-v1-7d9f-aaaaa', 'storefront-v1-7d9f-bbbbb'].map((n) => {
      const p = fixtureObject('Pod', 'shop', n);
      p.metadata.annotations = {};
      return p;
    });
    applyObjects(m, 'west', [shop, ...pods]);
    const q = { page: 1, pageSize: 100, sort: 'name' as const, dataplane: 'none' as const };
    expect(getServices(m, ALL, q).data.items.map((r) => r.name)).toContain('storefront');
    expect(getServices(m, scoped('east/shop'), q).data.items.map((r) => r.name)).not.toContain('storefront');
    expect(getServices(m, scoped('west/shop'), q).data.items.map((r) => r.name)).toContain('storefront');
  });
});

describe('waypoint of a service instance', () => {
  it('names the waypoint, whether it is ready, and the WaypointBound condition', () => {
    const m = ambientModel();
    const d = getService(m, ALL, 'shop', 'storefront')!.data;
    expect(d.instances[0]!.waypoint).toEqual({ namespace: 'shop', name: 'waypoint', ready: true, bound: { status: 'True', reason: 'WaypointAccepted', message: 'Successfully attached to waypoint shop/waypoint' } });
    // Opted out by its own label; the waypoint's own Service has none; a sidecar namespace has none.
    expect(getService(m, ALL, 'shop', 'inventory-db')!.data.instances[0]!.waypoint).toBeUndefined();
    expect(getService(m, ALL, 'shop', 'waypoint')!.data.instances[0]!.waypoint).toBeUndefined();
    expect(getService(m, ALL, 'bookinfo', 'productpage')!.data.instances[0]!.waypoint).toBeUndefined();
  });

  it('turns not ready when the waypoint pods do, and tells the bound services so', () => {
    const m = ambientModel();
    const before = m.serviceInstances('shop/cart');
    const touched: string[] = [];
    m.feed.subscribeUncollapsed((c) => touched.push(...c.keys));
    const pod = fixtureObject('Pod', 'shop', 'waypoint-77f5-aaaaa');
    (pod.status as { conditions: Array<{ status: string }> }).conditions[0]!.status = 'False';
    applyObjects(m, 'east', [pod]);
    m.feed.flush();
    expect(touched).toEqual(expect.arrayContaining(['services/shop/cart', 'services/shop/storefront', 'services/shop/pricing', 'clusters/east']));
    expect(touched).not.toContain('services/shop/inventory-db');
    expect(m.serviceInstances('shop/cart')).not.toBe(before);
    expect(m.serviceInstances('shop/cart').get('east')!.waypoint?.ready).toBe(false);
  });

  it('relabelling a namespace re-derives its services', () => {
    const m = ambientModel();
    expect(m.serviceInstances('shop/storefront').get('east')!.waypoint?.name).toBe('waypoint');
    const shop = fixtureObject('Namespace', '', 'shop');
    shop.metadata.labels = { 'istio.io/dataplane-mode': 'ambient' };
    applyObjects(m, 'east', [shop]);
    expect(m.serviceInstances('shop/storefront').get('east')!.waypoint).toBeUndefined();
  });
});
