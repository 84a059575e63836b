import { describe, expect, it } from 'vitest';
import { compactValue, diffFields, diffParts, MAX_FIELDS, MAX_VALUE_CHARS } from './field-diff';

describe('diffFields', () => {
  it('names changed leaves with dotted and indexed paths', () => {
    const before = { spec: { http: [{ route: [{ destination: { host: 'a' }, weight: 90 }, { destination: { host: 'b' }, weight: 10 }] }] } };
    const after = { spec: { http: [{ route: [{ destination: { host: 'a' }, weight: 50 }, { destination: { host: 'b' }, weight: 50 }] }] } };
    expect(diffFields(before, after)).toEqual([
      { path: 'spec.http[0].route[0].weight', before: 90, after: 50 },
      { path: 'spec.http[0].route[1].weight', before: 10, after: 50 },
    ]);
  });

  it('is empty for equal values, whatever the key order', () => {
    expect(diffFields({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
    expect(diffFields(undefined, undefined)).toEqual([]);
  });

  it('records a field added or removed whole, with its value', () => {
    expect(diffFields({ spec: { a: 1 } }, { spec: { a: 1, outlier: { consecutive5xx: 3 } } })).toEqual([{ path: 'spec.outlier', after: { consecutive5xx: 3 } }]);
    expect(diffFields({ spec: { a: 1, b: 2 } }, { spec: { a: 1 } })).toEqual([{ path: 'spec.b', before: 2 }]);
    expect(diffFields({ l: [1, 2, 3] }, { l: [1, 2] })).toEqual([{ path: 'l[2]', before: 3 }]);
  });

  it('lists an added object too long to keep whole by its fields instead of cutting it', () => {
    const policy = { outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 100 }, loadBalancer: { simple: 'ROUND_ROBIN', localityLbSetting: { enabled: true, failover: [{ from: 'us-east-1', to: 'us-west-2' }] } } };
    const d = diffFields({ spec: { host: 'reviews' } }, { spec: { host: 'reviews', trafficPolicy: policy } });
    // Each part short enough to keep is one value.
    expect(d).toEqual([
      { path: 'spec.trafficPolicy.outlierDetection', after: policy.outlierDetection },
      { path: 'spec.trafficPolicy.loadBalancer', after: policy.loadBalancer },
    ]);
    expect(d.every((f) => typeof f.after !== 'string' || !f.after.endsWith('…'))).toBe(true);
    // Removed alike, with the values before.
    expect(diffFields({ spec: { trafficPolicy: policy } }, { spec: {} })).toContainEqual({ path: 'spec.trafficPolicy.outlierDetection', before: policy.outlierDetection });
  });

  it('quotes keys that a dotted path would make ambiguous', () => {
    expect(diffFields({ labels: { 'istio.io/rev': 'a' } }, { labels: { 'istio.io/rev': 'b' } })).toEqual([{ path: 'labels["istio.io/rev"]', before: 'a', after: 'b' }]);
  });

  it('compares arrays of named objects by name, so one insertion marks only itself', () => {
    const subsets = (names: string[]) => names.map((n) => ({ name: n, labels: { version: n } }));
    expect(diffFields({ spec: { subsets: subsets(['v1', 'v2']) } }, { spec: { subsets: subsets(['v0', 'v1', 'v2']) } })).toEqual([{ path: 'spec.subsets[0]', after: { name: 'v0', labels: { version: 'v0' } } }]);
    const changed = subsets(['v1', 'v2']);
    changed[1]!.labels.version = 'v3';
    expect(diffFields({ spec: { subsets: subsets(['v0', 'v1', 'v2']) } }, { spec: { subsets: changed } })).toEqual([
      { path: 'spec.subsets[0]', before: { name: 'v0', labels: { version: 'v0' } } },
      { path: 'spec.subsets[1].labels.version', before: 'v2', after: 'v3' },
    ]);
  });

  it('says when named elements only changed order (the first matching route wins)', () => {
    expect(diffFields({ http: [{ name: 'a' }, { name: 'b' }] }, { http: [{ name: 'b' }, { name: 'a' }] })).toEqual([{ path: 'http[*].name', before: ['a', 'b'], after: ['b', 'a'] }]);
  });

  it('falls back to indexes when names repeat or are missing', () => {
    expect(diffFields({ p: [{ name: 'x', v: 1 }, { name: 'x', v: 2 }] }, { p: [{ name: 'x', v: 1 }, { name: 'x', v: 3 }] })).toEqual([{ path: 'p[1].v', before: 2, after: 3 }]);
    expect(diffFields({ p: [{ v: 1 }] }, { p: [{ v: 2 }] })).toEqual([{ path: 'p[0].v', before: 1, after: 2 }]);
  });

  it('records a change of shape as the two values', () => {
    expect(diffFields({ a: [1] }, { a: { x: 1 } })).toEqual([{ path: 'a', before: [1], after: { x: 1 } }]);
    expect(diffFields({ a: null }, { a: 'x' })).toEqual([{ path: 'a', before: null, after: 'x' }]);
  });

  it('keeps at most MAX_FIELDS fields and counts the rest in one marker', () => {
    const many = (v: number) => Object.fromEntries(Array.from({ length: MAX_FIELDS + 5 }, (_, i) => [`k${i}`, v]));
    const d = diffFields(many(1), many(2));
    expect(d).toHaveLength(MAX_FIELDS + 1);
    expect(d.at(-1)).toEqual({ path: '…', after: '5 more fields' });
    expect(diffFields(many(1), { ...many(1), k0: 9 })).toHaveLength(1);
  });

  it('truncates long values into a string with an ellipsis', () => {
    const long = 'x'.repeat(500);
    const [f] = diffFields({ a: long }, { a: 'short' });
    expect(typeof f!.before).toBe('string');
    expect((f!.before as string).length).toBe(MAX_VALUE_CHARS);
    expect((f!.before as string).endsWith('…')).toBe(true);
    expect(f!.after).toBe('short');
    expect(compactValue({ big: long })).toMatch(/^\{"big":"x+…$/);
    expect(compactValue({ small: 1 })).toEqual({ small: 1 });
  });

  it('diffParts diffs several parts under one cap', () => {
    expect(diffParts({ spec: { a: 1 }, labels: { x: 'a' }, status: 1 }, { spec: { a: 2 }, labels: { x: 'a' }, status: 2 }, ['spec', 'labels'])).toEqual([{ path: 'spec.a', before: 1, after: 2 }]);
  });
});
