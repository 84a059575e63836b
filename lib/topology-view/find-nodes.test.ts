import { describe, expect, it } from 'vitest';
import { findNodes } from './find-nodes';

const node = (id: string, kind: 'workload' | 'namespace', name: string, namespace?: string) => ({ data: { id, kind, cluster: 'a', name, ...(namespace ? { namespace } : {}) } });

describe('findNodes', () => {
  it('finds nodes by part of their name, whole names first, boxes never, at most the limit', () => {
    const nodes = [node('ns:a/cart', 'namespace', 'cart'), node('wl:a/shop/cart-v2', 'workload', 'cart-v2', 'shop'), node('wl:a/shop/cart', 'workload', 'cart', 'shop'), node('wl:a/shop/pay', 'workload', 'pay', 'shop')];
    expect(findNodes(nodes, ' CART ').map((n) => n.id)).toEqual(['wl:a/shop/cart', 'wl:a/shop/cart-v2']);
    expect(findNodes(nodes, 'cart', 1)).toEqual([{ id: 'wl:a/shop/cart', kind: 'workload', cluster: 'a', namespace: 'shop', name: 'cart' }]);
    expect(findNodes(nodes, '')).toEqual([]);
  });
});
