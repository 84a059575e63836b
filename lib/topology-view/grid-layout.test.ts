import { describe, expect, it } from 'vitest';
import { boxRects, gridLayout, placeNew, type GridItem } from './grid-layout';

// Two clusters; a has namespaces n1 (5 nodes) and n2 (2 nodes) and one node outside any namespace; b has n1 (3 nodes); one top-level node.
const items: GridItem[] = [
  { id: 'cluster:a', box: true },
  { id: 'cluster:b', box: true },
  { id: 'ns:a/n1', parent: 'cluster:a', box: true },
  { id: 'ns:a/n2', parent: 'cluster:a', box: true },
  { id: 'ns:b/n1', parent: 'cluster:b', box: true },
  ...['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => ({ id, parent: 'ns:a/n1', box: false })),
  ...['a6', 'a7'].map((id) => ({ id, parent: 'ns:a/n2', box: false })),
  { id: 'a-host', parent: 'cluster:a', box: false },
  ...['b1', 'b2', 'b3'].map((id) => ({ id, parent: 'ns:b/n1', box: false })),
  { id: 'outside', box: false },
];

const inside = (p: { x: number; y: number }, r: { x: number; y: number; w: number; h: number }) => Math.abs(p.x - r.x) < r.w / 2 && Math.abs(p.y - r.y) < r.h / 2;
const overlap = (r: { x: number; y: number; w: number; h: number }, s: { x: number; y: number; w: number; h: number }) => Math.abs(r.x - s.x) * 2 < r.w + s.w && Math.abs(r.y - s.y) * 2 < r.h + s.h;

describe('gridLayout', () => {
  const pos = gridLayout(items);
  const rects = boxRects(items, pos);

  it('places every node, none on another, the same way every time', () => {
    expect([...pos.keys()].sort()).toEqual(items.filter((i) => !i.box).map((i) => i.id).sort());
    expect(new Set([...pos.values()].map((p) => `${p.x},${p.y}`)).size).toBe(pos.size);
    expect(gridLayout([...items].reverse())).toEqual(pos);
  });

  it('keeps each node inside its boxes and boxes of one level apart', () => {
    for (const it of items) {
      if (it.box || !it.parent) continue;
      expect(inside(pos.get(it.id)!, rects.get(it.parent)!)).toBe(true);
    }
    expect(inside(pos.get('a1')!, rects.get('cluster:a')!)).toBe(true);
    expect(overlap(rects.get('ns:a/n1')!, rects.get('ns:a/n2')!)).toBe(false);
    expect(overlap(rects.get('cluster:a')!, rects.get('cluster:b')!)).toBe(false);
    expect(inside(pos.get('outside')!, rects.get('cluster:a')!) || inside(pos.get('outside')!, rects.get('cluster:b')!)).toBe(false);
  });

  it('gives empty boxes no rectangle and survives unknown parents', () => {
    expect(boxRects([...items, { id: 'ns:b/empty', parent: 'cluster:b', box: true }], pos).has('ns:b/empty')).toBe(false);
    expect(gridLayout([{ id: 'x', parent: 'gone', box: false }]).get('x')).toBeDefined();
  });

  it('places 5,000 nodes, each inside its namespace box, no two on one spot', () => {
    const big: GridItem[] = [];
    for (let c = 0; c < 10; c++) {
      big.push({ id: `c${c}`, box: true });
      for (let n = 0; n < 25; n++) big.push({ id: `c${c}/n${n}`, parent: `c${c}`, box: true });
    }
    for (let i = 0; i < 5000; i++) big.push({ id: `w${i}`, parent: `c${i % 10}/n${Math.floor(i / 10) % 25}`, box: false });
    // Time is measured in the benchmark (docs/topology-rendering.md), not asserted here.
    const p = gridLayout(big);
    const rects = boxRects(big, p);
    expect(p.size).toBe(5000);
    expect(new Set([...p.values()].map((q) => `${q.x},${q.y}`)).size).toBe(5000);
    for (const item of big) {
      if (item.box || !item.parent) continue;
      const r = rects.get(item.parent)!;
      const q = p.get(item.id)!;
      expect(Math.abs(q.x - r.x) <= r.w / 2 && Math.abs(q.y - r.y) <= r.h / 2).toBe(true);
    }
  });
});

describe('placeNew', () => {
  it('puts new nodes under their box without moving the others, new boxes below everything', () => {
    const known = items.filter((i) => i.id !== 'a5' && i.id !== 'b3' && !i.id.startsWith('b'));
    const first = gridLayout(known.filter((i) => i.id !== 'cluster:b' && i.id !== 'ns:b/n1'));
    const unplaced = ['a5', 'b1', 'b2', 'b3'];
    const more = placeNew(items, first, unplaced);
    expect([...more.keys()].sort()).toEqual(unplaced.sort());
    const all = new Map([...first, ...more]);
    expect(new Set([...all.values()].map((p) => `${p.x},${p.y}`)).size).toBe(all.size);
    const rects = boxRects(items, all);
    expect(inside(more.get('a5')!, rects.get('ns:a/n1')!)).toBe(true);
    const bottom = Math.max(...[...first.values()].map((p) => p.y));
    for (const id of ['b1', 'b2', 'b3']) expect(more.get(id)!.y).toBeGreaterThan(bottom);
  });

  it('lays everything out when nothing is placed yet', () => {
    expect(placeNew(items, new Map(), ['a1', 'b1']).size).toBe(2);
  });
});
