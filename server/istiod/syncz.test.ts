import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/syncz.json';
import { summariseSyncz, xdsState } from './syncz';
import { parseClusterz, parseNetworkz, parseVersion } from './debug-endpoints';

describe('syncz summary (istioctl proxy-status semantics)', () => {
  it('classifies each xDS type', () => {
    expect(xdsState('a', 'a')).toBe('SYNCED');
    expect(xdsState('b', 'a')).toBe('STALE');
    expect(xdsState('', '')).toBe('NOT SENT');
    expect(xdsState(undefined, undefined)).toBe('NOT SENT');
  });
  it('summarises proxies from flat fields and from resources, skipping junk', () => {
    const { proxies, skipped } = summariseSyncz(fixture);
    expect(skipped).toBe(1);
    expect(proxies[0]).toMatchObject({ pod: 'reviews-v1-abc', namespace: 'bookinfo', cds: 'SYNCED', eds: 'STALE', ecds: 'NOT SENT', overall: 'STALE' });
    expect(proxies[1]).toMatchObject({ cds: 'SYNCED', lds: 'NOT SENT', overall: 'SYNCED' });
  });
  it('treats a non-array as empty', () => {
    expect(summariseSyncz({ x: 1 }).proxies).toEqual([]);
  });
});

describe('other debug endpoints', () => {
  it('parses clusterz, networkz and version', () => {
    expect(parseClusterz([{ id: 'c2', secretName: 'istio-system/s', syncStatus: 'synced' }, { nope: 1 }])).toEqual([{ id: 'c2', secretName: 'istio-system/s', syncStatus: 'synced' }]);
    expect(parseNetworkz([{ Network: 'n1', Cluster: 'c1', Addr: '192.0.2.1', Port: 15443 }])[0]).toMatchObject({ network: 'n1', address: '192.0.2.1', port: 15443 });
    expect(parseVersion('1.24.1-abc\n')).toBe('1.24.1-abc');
    expect(parseVersion('')).toBeUndefined();
  });
});
