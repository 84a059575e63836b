import { describe, expect, it } from 'vitest';
import { topologyNodeSchema } from '../api/topology';
import { E, W, req } from './__fixtures__/samples';
import { sortById, toElements } from './elements';
import { trafficStep } from './traffic-step';

const pp = [E, 'bookinfo', 'productpage-v1'] as [string, string, string];
const rv2 = [E, 'bookinfo', 'reviews-v2', 'reviews'] as [string, string, string, string];
const rv3 = [W, 'bookinfo', 'reviews-v3', 'reviews'] as [string, string, string, string];
const graph = (graphType: 'versionedApp' | 'app') => trafficStep({ requests: [req(pp, rv2, 1), req(pp, rv3, 1)], tcp: [], graphType });
const parentOf = (els: ReturnType<typeof toElements>, id: string) => els.nodes.find((n) => n.data.id === id)?.data.parent;

describe('toElements', () => {
  it('puts the versions of an app in an app box inside the namespace box (versioned-app graph)', () => {
    const els = toElements(graph('versionedApp'));
    const v2 = els.nodes.find((n) => n.data.kind === 'versionedApp' && n.data.version === 'v2' && n.data.cluster === E)!;
    expect(v2.data.parent).toBe(`appbox:${E}/bookinfo/reviews`);
    expect(parentOf(els, `appbox:${E}/bookinfo/reviews`)).toBe(`ns:${E}/bookinfo`);
    expect(parentOf(els, `appbox:${W}/bookinfo/reviews`)).toBe(`ns:${W}/bookinfo`);
    expect(els.nodes.filter((n) => n.data.kind === 'appBox').map((n) => n.data.name)).toEqual(expect.arrayContaining(['reviews']));
    for (const n of els.nodes) topologyNodeSchema.parse(n);
  });

  it('has no app boxes in other graphs', () => {
    expect(toElements(graph('app')).nodes.some((n) => n.data.kind === 'appBox')).toBe(false);
  });
});

describe('sortById', () => {
  const el = (id: string) => ({ data: { id } });
  it('orders by UTF-16 code units, as the comparator did', () => {
    const ids = ['wl:b', 'ns:a/x', 'wl:B', 'wl:a\u0000z', 'wl:é', 'cluster:a', 'wl:a', 'wl:\u{1F600}', 'wl:\uFFFF'];
    const byLt = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sortById(ids.map(el)).map((e) => e.data.id)).toEqual(byLt);
  });

  it('keeps every element when ids repeat', () => {
    const xs = [{ data: { id: 'b', n: 1 } }, { data: { id: 'a', n: 2 } }, { data: { id: 'b', n: 3 } }];
    expect(sortById(xs).map((e) => e.data.n)).toEqual([2, 1, 3]);
  });
});
