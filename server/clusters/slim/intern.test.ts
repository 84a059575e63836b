import { beforeEach, describe, expect, it } from 'vitest';
import { clearInterned, EMPTY_MAP, intern, internMap, internOwner, internPicked, internStats } from './intern';

// Strings built at run time, so the test does not compare two literals V8 already shares.
const fresh = (s: string) => [...s].join('');

describe('interning', () => {
  beforeEach(() => clearInterned());

  it('shares one frozen copy of equal maps, in either call form', () => {
    const a = internMap({ app: fresh('reviews'), version: 'v1' });
    const b = internMap({ app: fresh('reviews'), version: 'v1' });
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(internPicked({ app: 'reviews', version: 'v1', 'pod-template-hash': 'x' }, new Set(['app', 'version']))).toBe(a);
    // After another map was interned (so the last-map shortcut does not apply).
    internMap({ app: 'ratings' });
    expect(internPicked({ version: 'v1', app: 'reviews' }, new Set(['app', 'version']))).toBe(a);
  });

  it('tells different maps apart, including ones a naive signature would confuse', () => {
    const a = internMap({ a: 'x', b: 'y' });
    expect(internMap({ a: 'x\u0001b\u0000y' })).not.toBe(a);
    expect(internMap({ a: 'x1:b1:y' })).toEqual({ a: 'x1:b1:y' });
    expect(internMap({ a: 'x' })).toEqual({ a: 'x' });
    expect(internMap({ a: 'x', b: 'y', c: 'z' })).toEqual({ a: 'x', b: 'y', c: 'z' });
    expect(internMap({ a: 'x', b: 'y' })).toBe(a);
    // The last map is not returned for a subset or superset of it.
    expect(internPicked({ a: 'x' }, new Set(['a', 'b']))).toEqual({ a: 'x' });
    expect(internPicked({ a: 'x', b: 'y', c: 'z' }, new Set(['a', 'b', 'c']))).toEqual({ a: 'x', b: 'y', c: 'z' });
  });

  it('returns the shared empty map for no entries and skips values that are not strings', () => {
    expect(internMap({})).toBe(EMPTY_MAP);
    expect(internPicked({ app: 1, version: null }, new Set(['app', 'version']))).toBe(EMPTY_MAP);
    expect(internPicked({ app: 'a', junk: 'j' }, new Set(['app']))).toEqual({ app: 'a' });
  });

  it('shares strings and owners', () => {
    const n1 = fresh('node-0001');
    const n2 = fresh('node-0001');
    expect(intern(n1)).toBe(intern(n2));
    expect(intern(undefined)).toBeUndefined();
    const o = internOwner('Deployment', fresh('reviews-v1'));
    internOwner('Deployment', 'ratings-v1');
    expect(internOwner('Deployment', fresh('reviews-v1'))).toBe(o);
    expect(internOwner('StatefulSet', 'reviews-v1')).not.toBe(o);
    expect(Object.isFrozen(o)).toBe(true);
    expect(internStats()).toMatchObject({ owners: 3 });
  });
});
