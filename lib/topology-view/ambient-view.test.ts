import { describe, expect, it } from 'vitest';
import { aggregateByNamespace, type ViewEdgeData, type ViewElements } from './aggregate';
import { toCyElements } from './elements';
import { ambientColours, topologyStyle } from './style';

const WP = 'wp:e/shop/waypoint';
const wl = (ns: string, name: string) => ({ data: { id: `wl:e/${ns}/${name}`, parent: `ns:e/${ns}`, kind: 'workload' as const, cluster: 'e', namespace: ns, name, health: 'healthy' as const } });
const edge = (source: string, target: string, extra: Partial<ViewEdgeData> = {}) => ({
  data: { id: `${source}->${target}:http`, source, target, protocol: 'http', rps: 10, errorPercent: 0, tcpBytesPerSecond: 0, p95Ms: 5, mtlsShare: 1, crossCluster: false, crossNetwork: false, health: 'healthy' as const, ...extra },
});
// sleep (sidecar) and storefront call cart through the shop waypoint; cart -> db is L4 over HBONE.
const graph: ViewElements = {
  nodes: [
    { data: { id: 'cluster:e', kind: 'cluster', cluster: 'e', name: 'e' } },
    { data: { id: 'ns:e/shop', parent: 'cluster:e', kind: 'namespace', cluster: 'e', namespace: 'shop', name: 'shop' } },
    { data: { id: 'ns:e/sample', parent: 'cluster:e', kind: 'namespace', cluster: 'e', namespace: 'sample', name: 'sample' } },
    { data: { id: WP, parent: 'ns:e/shop', kind: 'waypoint', cluster: 'e', namespace: 'shop', name: 'waypoint', health: 'healthy' } },
    wl('sample', 'sleep'), wl('shop', 'storefront-v1'), wl('shop', 'cart-v1'), wl('shop', 'inventory-db'),
  ],
  edges: [
    edge('wl:e/sample/sleep', WP, { rps: 2, hbone: true, waypoint: WP }),
    edge('wl:e/shop/storefront-v1', WP, { hbone: true, waypoint: WP }),
    edge(WP, 'wl:e/shop/cart-v1', { rps: 12, hbone: true, waypoint: WP }),
    edge('wl:e/sample/sleep', 'wl:e/shop/storefront-v1', { rps: 1 }),
    { data: { ...edge('wl:e/shop/cart-v1', 'wl:e/shop/inventory-db').data, id: 'wl:e/shop/cart-v1->wl:e/shop/inventory-db:tcp', protocol: 'tcp', rps: 0, tcpBytesPerSecond: 800, hbone: true } },
  ],
};

describe('ambient in the drawn graph', () => {
  it('classes HBONE edges and waypoint nodes for the stylesheet', () => {
    const byId = new Map(toCyElements(graph, 'rate', new Map()).map((e) => [e.data.id, e]));
    expect(byId.get(WP)?.classes).toBe('node waypoint');
    expect(byId.get(`${WP}->wl:e/shop/cart-v1:http`)?.classes).toBe('hbone');
    expect(byId.get('wl:e/shop/cart-v1->wl:e/shop/inventory-db:tcp')?.classes).toBe('tcp hbone');
    expect(byId.get('wl:e/sample/sleep->wl:e/shop/storefront-v1:http')?.classes).toBe('');
  });

  it('draws waypoints as hexagons and cases HBONE edges, in both themes and at every size', () => {
    for (const dark of [false, true]) {
      for (const large of [false, true]) {
        const s = topologyStyle(dark, large);
        expect(s.find((r) => r.selector === 'node.waypoint')?.style).toMatchObject({ shape: 'hexagon', 'background-color': ambientColours(dark).waypointFill });
        expect(s.filter((r) => r.selector === 'edge.hbone').at(-1)?.style).toMatchObject({ 'line-outline-color': ambientColours(dark).hbone });
      }
    }
    expect(ambientColours(true).hbone).not.toBe(ambientColours(false).hbone);
  });

  it('keeps waypoints out of namespace groups and HBONE on merged edges', () => {
    const g = aggregateByNamespace(graph, new Set());
    expect(g.nodes.map((n) => n.data.id)).toContain(WP);
    const into = g.edges.find((e) => e.data.id === `nsgroup:shop->${WP}:http`)?.data;
    expect(into).toMatchObject({ rps: 10, hbone: true, waypoint: WP });
    const fromSample = g.edges.find((e) => e.data.id === `nsgroup:sample->${WP}:http`)?.data;
    expect(fromSample).toMatchObject({ hbone: true, waypoint: WP });
    // sleep -> storefront (sidecar) stays unmarked once merged
    expect(g.edges.find((e) => e.data.id === 'nsgroup:sample->nsgroup:shop:http')?.data.hbone).toBeUndefined();
  });

  it('drops the waypoint of a merged edge whose members go through different ones', () => {
    const other = 'wp:e/shop/other';
    const two: ViewElements = { nodes: graph.nodes, edges: [edge('wl:e/shop/storefront-v1', 'wl:e/sample/sleep', { hbone: true, waypoint: WP }), edge('wl:e/shop/cart-v1', 'wl:e/sample/sleep', { hbone: true, waypoint: other })] };
    const merged = aggregateByNamespace(two, new Set(['sample'])).edges[0]!.data;
    expect(merged).toMatchObject({ members: 2, hbone: true });
    expect(merged.waypoint).toBeUndefined();
  });
});
