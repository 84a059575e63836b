import { describe, expect, it } from 'vitest';
import { isActiveNav, NAV_ITEMS } from './nav';

describe('navigation', () => {
  it('lists the six sections in order', () => {
    expect(NAV_ITEMS.map((n) => n.label)).toEqual(['Overview', 'Clusters', 'Services', 'Topology', 'Config', 'Workspaces']);
  });

  it('marks a section active on its sub-pages but not on look-alike paths', () => {
    expect(isActiveNav('/services', '/services/bookinfo/reviews')).toBe(true);
    expect(isActiveNav('/services', '/servicesx')).toBe(false);
    expect(isActiveNav('/', '/clusters')).toBe(false);
    expect(isActiveNav('/', '/')).toBe(true);
  });
});
