import { describe, expect, it } from 'vitest';
import { parseClusterState, serialiseClusterState } from './cluster-url-state';

describe('cluster URL state', () => {
  it('round-trips a workload data-plane mode', () => {
    const st = parseClusterState(new URLSearchParams('dataplane=ambient'));
    expect(st).toEqual({ dataplane: 'ambient' });
    expect(serialiseClusterState(st)).toBe('?dataplane=ambient');
  });

  it('ignores modes a workload cannot have', () => {
    expect(parseClusterState(new URLSearchParams('dataplane=mixed')).dataplane).toBeUndefined();
    expect(serialiseClusterState({})).toBe('');
  });
});
