import { describe, expect, it } from 'vitest';
import { destinationService } from './route-hosts';

describe('destinationService', () => {
  it('reads short and qualified Kubernetes hosts in the route namespace', () => {
    expect(destinationService('cart', 'shop')).toBe('shop/cart');
    expect(destinationService('productpage.bookinfo', 'shop')).toBe('bookinfo/productpage');
    expect(destinationService('productpage.bookinfo.svc', 'shop')).toBe('bookinfo/productpage');
    expect(destinationService('Productpage.Bookinfo.svc.cluster.local', 'shop')).toBe('bookinfo/productpage');
  });

  it('gives undefined for wildcards, external names and malformed hosts', () => {
    for (const h of ['*.shop.svc.cluster.local', 'api.example.com', 'cart.svc', 'cart:8080', '.shop', 'a..b', '']) expect(destinationService(h, 'shop'), h).toBeUndefined();
  });
});
