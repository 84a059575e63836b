import { describe, expect, it } from 'vitest';
import { dataplaneCell } from './dataplane-view';

describe('dataplaneCell', () => {
  it('badges one mode plainly', () => {
    expect(dataplaneCell(['ambient'])).toEqual({ modes: ['ambient'], differs: false });
    expect(dataplaneCell([])).toEqual({ modes: [], differs: false });
  });

  it('marks a service in two modes across clusters as mixed, keeping both modes', () => {
    const v = dataplaneCell(['ambient', 'sidecar']);
    expect(v.modes).toEqual(['mixed', 'sidecar', 'ambient']);
    expect(v.differs).toBe(true);
    expect(v.why).toBe('sidecar in some clusters, ambient in others');
  });

  it('warns on mixed pods within a cluster without repeating the badge', () => {
    expect(dataplaneCell(['mixed', 'ambient'])).toEqual({ modes: ['mixed', 'ambient'], differs: true, why: 'pods of one cluster are in different modes' });
    expect(dataplaneCell(['mixed', 'sidecar', 'ambient']).modes).toEqual(['mixed', 'sidecar', 'ambient']);
  });
});
