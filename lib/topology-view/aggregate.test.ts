import { describe, expect, it } from 'vitest';
import { AGGREGATE_ABOVE_NODES, aggregateByNamespace, expandedNamespaces, groupId, isGrouped, namespaceSummaries, nodeCount, type ViewEdgeData, type ViewElements, type ViewNodeData } from './aggregate';
import { toCyElements } from './elements';
import { topologyStyle } from './style';
import { parseTopologyViewState, serialiseTopologyViewState } from './view-state';

const wl = (cluster: string, ns: string, name: string, extra: Partial<ViewNodeData> = {}) => ({
  data: { id: `wl:${cluster}/${ns}/${name}`, parent: `ns:${cluster}/${ns}`, kind: 'workload' as const, cluster, namespace: ns, name, health: 'healthy' as const, ...extra },
});
const box = (cluster: string, ns?: string) =>
  ns === undefined
    ? { data: { id: `cluster:${cluster}`, kind: 'cluster' as const, cluster, name: cluster } }
    : { data: { id: `ns:${cluster}/${ns}`, parent: `cluster:${cluster}`, kind: 'namespace' as const, cluster, namespace: ns, name: ns } };
const edge = (source: string, target: string, extra: Partial<ViewEdgeData> = {}) => ({
  data: { id: `${source}->${target}:http`, source, target, protocol: 'http', rps: 10, errorPercent: 0, tcpBytesPerSecond: 0, p95Ms: 50, mtlsShare: 1, crossCluster: false, crossNetwork: false, health: 'healthy' as const, ...extra },
});

// Two clusters; bookinfo in both, shop in east only; a gateway that is never grouped.
const graph: ViewElements = {
  nodes: [
    box('east'), box('west'), box('east', 'bookinfo'), box('west', 'bookinfo'), box('east', 'shop'), box('east', 'istio-system'),
    wl('east', 'bookinfo', 'productpage'),
    wl('east', 'bookinfo', 'reviews', { health: 'failure', healthReasons: ['5xx 30%'] }),
    wl('west', 'bookinfo', 'reviews', { health: 'degraded' }),
    wl('east', 'shop', 'cart', { idle: true, health: 'idle' }),
    { data: { id: 'gw:east/istio-system/istio-eastwestgateway', parent: 'ns:east/istio-system', kind: 'gateway', cluster: 'east', namespace: 'istio-system', name: 'istio-eastwestgateway' } },
  ],
  edges: [
    edge('wl:east/bookinfo/productpage', 'wl:east/bookinfo/reviews', { rps: 30, errorPercent: 10, p95Ms: 200, health: 'failure' }),
    edge('wl:east/bookinfo/productpage', 'gw:east/istio-system/istio-eastwestgateway', { rps: 10, crossNetwork: true, p95Ms: 80 }),
    edge('wl:east/shop/cart', 'wl:west/bookinfo/reviews', { rps: 5, crossCluster: true, mtlsShare: 0, p95Ms: null }),
    edge('wl:east/shop/cart', 'wl:east/bookinfo/reviews', { rps: 15, errorPercent: 20, mtlsShare: 1, p95Ms: 120 }),
  ],
};
const ids = (els: ViewElements) => els.nodes.map((n) => n.data.id).sort();
const edgeById = (els: ViewElements, id: string) => els.edges.find((e) => e.data.id === id)?.data;

describe('namespace aggregation', () => {
  it('groups above the threshold, or always / never as asked', () => {
    expect(nodeCount(graph)).toBe(5);
    expect(isGrouped(graph, 'auto')).toBe(false);
    expect(isGrouped(graph, 'namespace')).toBe(true);
    const big = { nodes: Array.from({ length: AGGREGATE_ABOVE_NODES + 1 }, (_, i) => wl('east', 'a', `w${i}`)) };
    expect(isGrouped(big, 'auto')).toBe(true);
    expect(isGrouped(big, 'off')).toBe(false);
    expect(isGrouped({ nodes: big.nodes.slice(1) }, 'auto')).toBe(false);
  });

  it('folds each namespace across clusters into one node with the worst health, by cluster', () => {
    const out = aggregateByNamespace(graph, new Set());
    // Only the gateway keeps its boxes; workloads become groups.
    expect(ids(out)).toEqual(['cluster:east', 'gw:east/istio-system/istio-eastwestgateway', 'ns:east/istio-system', 'nsgroup:bookinfo', 'nsgroup:shop']);
    const bookinfo = out.nodes.find((n) => n.data.id === groupId('bookinfo'))!.data;
    expect(bookinfo).toMatchObject({ kind: 'namespaceGroup', namespace: 'bookinfo', name: 'bookinfo', cluster: '', health: 'failure', members: 3 });
    expect(bookinfo.parent).toBeUndefined();
    expect(bookinfo.byCluster).toEqual([
      { cluster: 'east', nodes: 2, health: 'failure', unhealthy: 1 },
      { cluster: 'west', nodes: 1, health: 'degraded', unhealthy: 1 },
    ]);
    expect(bookinfo.healthReasons).toEqual(['failure in east (1 of 2)', 'degraded in west (1 of 1)']);
    const shop = out.nodes.find((n) => n.data.id === groupId('shop'))!.data;
    expect(shop).toMatchObject({ cluster: 'east', idle: true, members: 1, health: 'idle' });
  });

  it('merges edges: rates summed, error share by rate, worst p95 and health, any cross-cluster', () => {
    const out = aggregateByNamespace(graph, new Set());
    expect(out.edges).toHaveLength(3);
    // Traffic inside a folded namespace is a loop on its group.
    expect(edgeById(out, 'nsgroup:bookinfo->nsgroup:bookinfo:http')).toMatchObject({ rps: 30, errorPercent: 10, p95Ms: 200, health: 'failure', members: 1 });
    expect(edgeById(out, 'nsgroup:bookinfo->gw:east/istio-system/istio-eastwestgateway:http')).toMatchObject({ rps: 10, crossNetwork: true });
    expect(edgeById(out, 'nsgroup:shop->nsgroup:bookinfo:http')).toEqual({
      id: 'nsgroup:shop->nsgroup:bookinfo:http', source: 'nsgroup:shop', target: 'nsgroup:bookinfo', protocol: 'http',
      rps: 20, errorPercent: 15, tcpBytesPerSecond: 0, p95Ms: 120, mtlsShare: 0.75, crossCluster: true, crossNetwork: false, health: 'healthy', members: 2,
    });
    const total = (els: ViewElements) => els.edges.reduce((a, e) => a + e.data.rps, 0);
    expect(total(out)).toBe(total(graph));
  });

  it('expands a namespace into its nodes, in their boxes, with edges to the other groups merged', () => {
    const out = aggregateByNamespace(graph, new Set(['shop']));
    expect(ids(out)).toContain('wl:east/shop/cart');
    expect(ids(out)).toContain('ns:east/shop');
    expect(ids(out)).not.toContain('nsgroup:shop');
    expect(edgeById(out, 'wl:east/shop/cart->nsgroup:bookinfo:http')).toMatchObject({ rps: 20, members: 2 });
    // Everything expanded is the graph itself.
    const all = aggregateByNamespace(graph, new Set(['bookinfo', 'shop']));
    expect(ids(all)).toEqual(ids(graph));
    expect(all.edges.map((e) => e.data)).toEqual(graph.edges.map((e) => e.data));
  });

  it('lists the namespaces that group nodes, with their worst health', () => {
    expect(namespaceSummaries(graph)).toEqual([
      { namespace: 'bookinfo', members: 3, health: 'failure' },
      { namespace: 'shop', members: 1, health: 'idle' },
    ]);
  });

  it('expands the namespace of a focused node, not of a group or a gateway', () => {
    expect([...expandedNamespaces(['shop'], 'wl:west/bookinfo/reviews')].sort()).toEqual(['bookinfo', 'shop']);
    expect([...expandedNamespaces([], 'nsgroup:bookinfo')]).toEqual([]);
    expect([...expandedNamespaces([], 'gw:east/istio-system/istio-eastwestgateway')]).toEqual([]);
    expect([...expandedNamespaces([], 'no-such-node')]).toEqual([]);
    // Read from the id, from the right: the node need not be in the answer, and a cluster name may hold '/'.
    expect([...expandedNamespaces([], 'vapp:arn:aws:eks:eu-west-1:1:cluster/prod/shop/cart/v2')]).toEqual(['shop']);
    expect([...expandedNamespaces([], 'svc:east/payments/api')]).toEqual(['payments']);
  });

  it('folds 5,000 nodes and 20,000 edges in well under a frame budget of the page (500 ms on a loaded machine)', () => {
    const nodes: ViewElements['nodes'] = [];
    const edges: ViewElements['edges'] = [];
    for (let i = 0; i < 5000; i++) nodes.push(wl(`c${i % 10}`, `ns-${i % 25}`, `w${i}`));
    for (let i = 0; i < 20000; i++) edges.push(edge(nodes[(i * 7) % 5000]!.data.id, nodes[(i * 13 + 1) % 5000]!.data.id));
    const t0 = performance.now();
    const out = aggregateByNamespace({ nodes, edges }, new Set());
    expect(performance.now() - t0).toBeLessThan(500);
    expect(out.nodes).toHaveLength(25);
  });
});

describe('drawing groups', () => {
  it('labels a group with its count, sizes it by members, and styles it as a node', () => {
    const out = toCyElements(aggregateByNamespace(graph, new Set()), 'rate', new Map());
    const group = out.find((e) => e.data.id === groupId('bookinfo'))!;
    expect(group).toMatchObject({ group: 'nodes', classes: 'node namespaceGroup', data: { label: 'bookinfo (3)', size: 38, health: 'failure' } });
    expect(topologyStyle(false).find((r) => r.selector === 'node.namespaceGroup')?.style.width).toBe('data(size)');
    // Large graphs show edge labels only when zoomed in.
    expect(topologyStyle(false, true).filter((r) => r.selector === 'edge').at(-1)?.style['min-zoomed-font-size']).toBe(14);
  });
});

describe('topology URL state', () => {
  it('keeps grouping and expanded namespaces, defaults left out', () => {
    const st = parseTopologyViewState(new URLSearchParams('graphType=service&group=namespace&expand=shop,bookinfo,shop'));
    expect(st).toMatchObject({ graphType: 'service', group: 'namespace', expand: ['shop', 'bookinfo'] });
    expect(serialiseTopologyViewState(st)).toBe('?graphType=service&group=namespace&expand=bookinfo%2Cshop');
    expect(parseTopologyViewState(new URLSearchParams('group=weird'))).toMatchObject({ group: 'auto', expand: [] });
    expect(serialiseTopologyViewState(parseTopologyViewState(new URLSearchParams('')))).toBe('');
  });
});
