import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../test-helpers';
import { checkRootExpiry, checkSplitTrust } from './trust';

const A = 'AA:'.repeat(31) + 'AA';
const B = 'BB:'.repeat(31) + 'BB';
const c = (name: string, fp: string, notAfter = '2030-01-01T00:00:00Z') => clusterOf(name, '', { rootCerts: [{ namespace: 'istio-system', fingerprint: fp, notAfter }] });

describe('checkSplitTrust (MG0001)', () => {
  it('fires when one cluster of the mesh has another root, naming the odd one out', () => {
    const fs = checkSplitTrust(ctxOf([c('a', A), c('b', A), c('x', B)], {}, 'prod'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: 'MG0001', level: 'Error', clusters: ['a', 'b', 'x'] });
    expect(fs[0]!.objects).toEqual([{ kind: 'ConfigMap', namespace: 'istio-system', name: 'istio-ca-root-cert', cluster: 'x' }]);
    expect(fs[0]!.message).toContain('Mesh prod has 2 root certificates');
  });

  it('is quiet for one root across the mesh', () => {
    expect(checkSplitTrust(ctxOf([c('a', A), c('b', A)]))).toEqual([]);
  });
});

describe('checkRootExpiry (MG0002)', () => {
  const now = Date.parse('2029-12-20T00:00:00Z');
  it('warns inside the window and errors once expired', () => {
    expect(checkRootExpiry(ctxOf([c('a', A)], { now }))[0]).toMatchObject({ code: 'MG0002', level: 'Warning' });
    expect(checkRootExpiry(ctxOf([c('a', A)], { now: Date.parse('2030-02-01T00:00:00Z') }))[0]).toMatchObject({ level: 'Error' });
  });

  it('is quiet for a root valid beyond the window', () => {
    expect(checkRootExpiry(ctxOf([c('a', A)], { now: Date.parse('2029-01-01T00:00:00Z') }))).toEqual([]);
  });
});
