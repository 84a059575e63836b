import { describe, expect, it } from 'vitest';
import type { Capabilities } from '@/lib/access/roles';
import { capabilitiesOf } from '@/lib/access/roles';
import { isActiveNav, NAV_ITEMS, visibleNavItems } from './nav';

describe('navigation', () => {
  it('lists the six sections in order', () => {
    expect(NAV_ITEMS.map((n) => n.label)).toEqual(['Overview', 'Clusters', 'Services', 'Topology', 'Changes', 'Findings', 'Config', 'Workspaces']);
  });

  it('marks a section active on its sub-pages but not on look-alike paths', () => {
    expect(isActiveNav('/services', '/services/bookinfo/reviews')).toBe(true);
    expect(isActiveNav('/services', '/servicesx')).toBe(false);
    expect(isActiveNav('/', '/clusters')).toBe(false);
    expect(isActiveNav('/', '/')).toBe(true);
  });

  // The server refuses config.list without configSpecs (server/access/route-policy.ts): do not offer it.
  it('offers Config only to callers who may read config objects', () => {
    const labels = (caps: Capabilities | undefined) => visibleNavItems(NAV_ITEMS, caps).map((n) => n.label);
    expect(labels(capabilitiesOf('viewer'))).toEqual(['Overview', 'Clusters', 'Services', 'Topology', 'Changes', 'Findings', 'Workspaces']);
    expect(labels(capabilitiesOf('operator'))).toContain('Config');
    expect(labels(capabilitiesOf('admin'))).toContain('Config');
    // Not known yet (or not signed in): nothing gated is offered.
    expect(labels(undefined)).not.toContain('Config');
  });
});
