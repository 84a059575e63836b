import { describe, expect, it } from 'vitest';
import { hostService, hostsServices } from './host-services';

describe('hostService', () => {
  it('reads short names in the object\'s namespace', () => {
    expect(hostService('reviews', 'bookinfo')).toBe('bookinfo/reviews');
    expect(hostService('Reviews ', 'bookinfo')).toBe('bookinfo/reviews');
  });
  it('reads namespace-qualified and cluster-local names', () => {
    expect(hostService('reviews.bookinfo', 'other')).toBe('bookinfo/reviews');
    expect(hostService('reviews.bookinfo.svc', 'other')).toBe('bookinfo/reviews');
    expect(hostService('reviews.bookinfo.svc.cluster.local', 'other')).toBe('bookinfo/reviews');
  });
  it('gives nothing for wildcards, external and Admiral global names', () => {
    for (const h of ['*', '*.local', '*.bookinfo.svc.cluster.local', 'example.com.', 'api.example.com', 'stage.greeting.global', 'a.b.c.svc.cluster.local', '', 'svc.cluster.local', '10.0.0.1:80']) {
      expect(hostService(h, 'bookinfo'), h).toBeUndefined();
    }
  });
  it('with the cluster\'s namespaces, a two-part name must name one of them', () => {
    const known = (ns: string) => ns === 'bookinfo';
    expect(hostService('reviews.bookinfo', 'x', known)).toBe('bookinfo/reviews');
    expect(hostService('httpbin.org', 'x', known)).toBeUndefined();
    expect(hostService('httpbin.org.svc.cluster.local', 'x', known)).toBe('org/httpbin');
  });
  it('hostsServices dedupes and sorts', () => {
    expect(hostsServices(['reviews', 'ratings.bookinfo', 'reviews.bookinfo.svc.cluster.local', '*'], 'bookinfo')).toEqual(['bookinfo/ratings', 'bookinfo/reviews']);
  });
});
