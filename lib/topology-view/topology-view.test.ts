import { describe, expect, it } from 'vitest';
import type { TopologyEdgeData, TopologyNodeData } from '../topology/elements';
import { edgeLabel, edgeWidth, toCyElements, unplacedNodes } from './elements';
import { graphSize } from './graph-size';
import { layoutOptions } from './layout';
import { parsePositions, serialisePositions } from './positions';
import { rendererOptions, topologyStyle } from './style';

const edge: TopologyEdgeData = {
  id: 'a->b', source: 'a', target: 'b', protocol: 'http', rps: 11.4, errorPercent: 2.5, errorRates: { http5xx: 2.5, http4xx: 0, grpc: 0, noResponse: 0 },
  tcpBytesPerSecond: 0, p95Ms: 87.2, mtlsShare: 1, crossCluster: true, crossNetwork: true, health: 'degraded',
};
const nodes: { data: TopologyNodeData }[] = [
  { data: { id: 'cluster:e', kind: 'cluster', cluster: 'e', name: 'e', network: 'net-e' } },
  { data: { id: 'ns:e/b', parent: 'cluster:e', kind: 'namespace', cluster: 'e', namespace: 'b', name: 'b' } },
  { data: { id: 'a', parent: 'ns:e/b', kind: 'workload', cluster: 'e', namespace: 'b', name: 'productpage-v1', health: 'healthy' } },
  { data: { id: 'b', parent: 'ns:e/b', kind: 'versionedApp', cluster: 'e', namespace: 'b', name: 'reviews', version: 'v3', idle: true } },
];

describe('edge labels', () => {
  it('follows the label mode', () => {
    expect(edgeLabel(edge, 'rate')).toBe('11.4/s');
    expect(edgeLabel(edge, 'errors')).toBe('2.5%');
    expect(edgeLabel(edge, 'p95')).toBe('87 ms');
    expect(edgeLabel(edge, 'none')).toBe('');
    expect(edgeLabel({ ...edge, errorPercent: 0 }, 'errors')).toBe('');
    expect(edgeLabel({ ...edge, protocol: 'tcp', tcpBytesPerSecond: 11199.8 }, 'rate')).toBe('11200 B/s');
  });
  it('widths grow slowly and cap', () => {
    expect(edgeWidth(0)).toBe(1);
    expect(edgeWidth(1e9)).toBe(8);
    expect(edgeWidth(10)).toBeLessThan(edgeWidth(100));
  });
});

describe('toCyElements', () => {
  it('classes boxes, cross-cluster edges and idle nodes, and labels clusters with their network', () => {
    const els = toCyElements({ nodes, edges: [{ data: edge }] }, 'rate', new Map([['a', { x: 1, y: 2 }], ['cluster:e', { x: 9, y: 9 }]]));
    const byId = new Map(els.map((e) => [e.data.id, e]));
    expect(byId.get('cluster:e')?.classes).toBe('box cluster');
    expect(byId.get('cluster:e')?.data.label).toBe('e · net-e');
    expect(byId.get('cluster:e')?.position).toBeUndefined();
    expect(byId.get('a')?.position).toEqual({ x: 1, y: 2 });
    expect(byId.get('b')?.classes).toBe('node versionedApp idle');
    expect(byId.get('b')?.data.label).toBe('reviews v3');
    expect(byId.get('b')?.data.health).toBe('unknown');
    expect(byId.get('a->b')?.classes).toBe('cross-cluster cross-network');
    expect(byId.get('a->b')?.data.label).toBe('11.4/s');
    expect(unplacedNodes(els)).toEqual(['b']);
    // parents before children, whatever order the API sent
    const reversed = toCyElements({ nodes: [...nodes].reverse(), edges: [] }, 'rate', new Map());
    expect(reversed.map((e) => e.data.id).slice(0, 2)).toEqual(['cluster:e', 'ns:e/b']);
  });
});

describe('positions', () => {
  it('round-trips and ignores junk', () => {
    const m = parsePositions(serialisePositions(new Map([['a', { x: 1.4, y: 2.6 }]])));
    expect(m.get('a')).toEqual({ x: 1, y: 3 });
    expect(parsePositions('{"a":{"x":"1"},"b":null,"c":{"x":1,"y":2}}').size).toBe(1);
    expect(parsePositions('not json').size).toBe(0);
    expect(serialisePositions(new Map([['a', { x: 0, y: 0 }], ['b', { x: 0, y: 0 }]]), 1)).toBe('{"a":{"x":0,"y":0}}');
  });
});

describe('layout and style', () => {
  it('chooses layouts', () => {
    expect(layoutOptions('elk', 10, false).name).toBe('elk');
    expect(layoutOptions('elk', 10, true)).toMatchObject({ name: 'fcose', randomize: false, fit: false });
    expect(layoutOptions('fcose', 2000, false)).toMatchObject({ quality: 'draft', randomize: true });
    // Placing a namespace's nodes among placed ones in a big graph: no randomising, so no draft.
    expect(layoutOptions('fcose', 2000, true)).toMatchObject({ quality: 'default', randomize: false });
  });
  it('colours by health and dashes cross-cluster edges', () => {
    const s = topologyStyle(false);
    expect(s.find((r) => r.selector === 'edge.cross-cluster')?.style['line-style']).toBe('dashed');
    expect(s.find((r) => r.selector === 'edge[health = "failure"]')?.style['line-color']).toBe('#dc2626');
    expect(topologyStyle(true).find((r) => r.selector === 'node.node')?.style.color).toBe('#e2e8f0');
  });
  it('turns on the cheap rendering paths for big graphs only', () => {
    expect(rendererOptions(50)).toMatchObject({ hideEdgesOnViewport: false, textureOnViewport: false });
    expect(rendererOptions(2000)).toMatchObject({ hideEdgesOnViewport: true, textureOnViewport: true, pixelRatio: 1 });
  });
});

describe('large graphs', () => {
  it('draws boxes as plain rectangles under the nodes and drops every parent', () => {
    const rects = new Map([['cluster:e', { x: 10, y: 20, w: 300, h: 200 }], ['ns:e/b', { x: 10, y: 25, w: 200, h: 150 }]]);
    const els = toCyElements({ nodes, edges: [{ data: edge }] }, 'rate', new Map([['a', { x: 1, y: 2 }], ['b', { x: 3, y: 4 }]]), rects);
    const byId = new Map(els.map((e) => [e.data.id, e]));
    expect(byId.get('cluster:e')).toMatchObject({ classes: 'box cluster flat', position: { x: 10, y: 20 }, data: { w: 300, h: 200 } });
    expect(els.every((e) => e.data.parent === undefined)).toBe(true);
    expect(byId.get('a')?.position).toEqual({ x: 1, y: 2 });
  });
  it('gets straight edges without arrows and mouse-blind boxes', () => {
    const s = topologyStyle(false, true);
    expect(s.find((r) => r.selector === 'edge' && r.style['curve-style'] === 'haystack')).toBeDefined();
    expect(s.find((r) => r.selector === 'node.box.flat')?.style.events).toBe('no');
    expect(topologyStyle(false).some((r) => r.style['curve-style'] === 'haystack')).toBe(false);
    // the last rule for cross-cluster edges wins: solid when large
    expect(s.filter((r) => r.selector === 'edge.cross-cluster').at(-1)?.style['line-style']).toBe('solid');
  });
  it('switches size class at 300 and 500 nodes', () => {
    expect([graphSize(300), graphSize(301), graphSize(500), graphSize(501)]).toEqual(['small', 'medium', 'medium', 'large']);
    expect(rendererOptions(501)).toMatchObject({ pixelRatio: 1 });
    expect(rendererOptions(400)).toMatchObject({ pixelRatio: 'auto', hideEdgesOnViewport: true });
  });
});
