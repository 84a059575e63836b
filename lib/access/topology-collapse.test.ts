import { describe, expect, it } from 'vitest';
import { collapseOutside, OUTSIDE_NODE_ID } from './topology-collapse';

interface N { id: string; ns: string }
interface E { source: string; target: string; rps: number; label?: string }

const nodes: N[] = [
  { id: 'east/a/web', ns: 'a' },
  { id: 'east/a/api', ns: 'a' },
  { id: 'east/secret/db', ns: 'secret' },
  { id: 'west/other/cache', ns: 'other' },
];
const edges: E[] = [
  { source: 'east/a/web', target: 'east/a/api', rps: 5 },
  { source: 'east/a/api', target: 'east/secret/db', rps: 2, label: 'secret-db' },
  { source: 'east/a/api', target: 'west/other/cache', rps: 3, label: 'cache' },
  { source: 'west/other/cache', target: 'east/a/web', rps: 1 },
  { source: 'east/secret/db', target: 'west/other/cache', rps: 9 },
];

describe('collapseOutside', () => {
  const r = collapseOutside(nodes, edges, {
    nodeId: (n) => n.id,
    visible: (n) => n.ns === 'a',
    outsideNode: () => ({ id: OUTSIDE_NODE_ID, ns: '' }),
    mergeEdges: (source, target, es) => ({ source, target, rps: es.reduce((s, e) => s + e.rps, 0) }),
  });
  it('keeps visible nodes and one outside node', () => {
    expect(r.nodes.map((n) => n.id)).toEqual(['east/a/web', 'east/a/api', OUTSIDE_NODE_ID]);
  });
  it('merges edges to and from the outside and drops outside-only edges', () => {
    expect(r.edges).toEqual([
      { source: 'east/a/web', target: 'east/a/api', rps: 5 },
      { source: 'east/a/api', target: OUTSIDE_NODE_ID, rps: 5 },
      { source: OUTSIDE_NODE_ID, target: 'east/a/web', rps: 1 },
    ]);
  });
  it('leaks no outside name or label', () => {
    const text = JSON.stringify(r);
    for (const leak of ['secret', 'other', 'cache', 'db', 'west']) expect(text).not.toContain(leak);
  });
  it('adds no outside node when nothing leaves the view', () => {
    const only = collapseOutside(nodes.slice(0, 2), edges.slice(0, 1), { nodeId: (n) => n.id, visible: () => true, outsideNode: () => ({ id: OUTSIDE_NODE_ID, ns: '' }), mergeEdges: (s, t) => ({ source: s, target: t, rps: 0 }) });
    expect(only.nodes).toHaveLength(2);
  });
});
