import { describe, expect, it } from 'vitest';
import type { Waypoint } from '../fleet/ambient';
import { splitRef, waypointView } from './waypoint-view';

const wp = (over: Partial<Waypoint> = {}): Waypoint => ({ namespace: 'shop', name: 'waypoint', for: 'service', ready: 1, desired: 1, programmed: true, services: ['shop/storefront', 'shop/cart'], namespaces: ['shop'], ...over });

describe('waypointView', () => {
  it('is ready with a ready pod and Programmed, and links its services in this cluster', () => {
    const v = waypointView(wp(), 'us-east-1');
    expect(v.ready).toBe(true);
    expect(v.problem).toBeUndefined();
    expect(v.services).toEqual([
      { ref: 'shop/cart', href: '/services/shop/cart?cluster=us-east-1' },
      { ref: 'shop/storefront', href: '/services/shop/storefront?cluster=us-east-1' },
    ]);
  });

  it('is not ready without a ready pod or when the Gateway is not Programmed', () => {
    expect(waypointView(wp({ ready: 0, programmed: false }), 'c')).toMatchObject({ ready: false, problem: 'no pod ready; Gateway not Programmed' });
    expect(waypointView(wp({ programmed: false }), 'c').ready).toBe(false);
    expect(waypointView(wp({ ready: 0, desired: 0, programmed: undefined }), 'c')).toMatchObject({ ready: false, problem: 'no pods' });
  });

  it('stays ready with some pods down, saying how many', () => {
    expect(waypointView(wp({ ready: 1, desired: 2 }), 'c')).toMatchObject({ ready: true, problem: '1 of 2 pods ready' });
  });
});

describe('splitRef', () => {
  it('splits at the first slash', () => {
    expect(splitRef('shop/cart')).toEqual({ namespace: 'shop', name: 'cart' });
    expect(splitRef('cart')).toEqual({ namespace: '', name: 'cart' });
  });
});
