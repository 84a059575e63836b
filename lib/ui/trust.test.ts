import { describe, expect, it } from 'vitest';
import type { ControlPlane } from '../fleet/controlplanes';
import { isOddRoot, meshTrust } from './trust';

const cp = (cluster: string, fingerprint?: string): ControlPlane => ({
  cluster, revision: 'default', namespace: 'istio-system', pods: [], rootCert: fingerprint ? { fingerprint } : undefined, rootCertConsistent: true,
  discoveredClusters: [], networkGateways: [], proxies: { total: 0, synced: 0, stale: 0, notSent: 0 }, poll: { state: 'ok' },
});
const meshOf = new Map([['a', 'prod'], ['b', 'prod'], ['c', 'prod'], ['s', 'staging']]);

describe('meshTrust', () => {
  it('one root per mesh is consistent; meshes may differ from each other', () => {
    const t = meshTrust(meshOf, [cp('a', 'X'), cp('b', 'X'), cp('s', 'Y')]);
    expect(t.map((m) => [m.mesh, m.consistent])).toEqual([['prod', true], ['staging', true]]);
  });

  it('flags the odd cluster out', () => {
    const [prod] = meshTrust(meshOf, [cp('a', 'X'), cp('b', 'X'), cp('c', 'Z'), cp('c')]);
    expect(prod?.consistent).toBe(false);
    expect(prod?.roots.get('Z')).toEqual(['c']);
    expect(isOddRoot(prod, 'Z')).toBe(true);
    expect(isOddRoot(prod, 'X')).toBe(false);
  });

  it('a tie marks both sides', () => {
    const [prod] = meshTrust(meshOf, [cp('a', 'X'), cp('b', 'Z')]);
    expect(isOddRoot(prod, 'X')).toBe(true);
    expect(isOddRoot(prod, 'Z')).toBe(true);
  });
});
