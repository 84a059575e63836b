import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '../clusters/kinds';
import { sameRecord, sameValue } from './same-record';

const rec = (o: object) => o as AnyRecord;

describe('sameRecord', () => {
  it('agrees with a JSON comparison on slim records', () => {
    const a = { namespace: 'n', name: 'p', labels: { app: 'x' }, ready: true, podIP: undefined, workload: { kind: 'Deployment', name: 'x' }, ports: [{ port: 80 }] };
    const same = structuredClone(a);
    expect(sameValue(a, same)).toBe(true);
    // A property holding undefined is absent, as in JSON.
    expect(sameValue(a, { ...same, podIP: undefined })).toBe(true);
    const { podIP: _, ...without } = same;
    expect(sameValue(a, without)).toBe(true);
    for (const changed of [
      { ...same, ready: false },
      { ...same, podIP: '10.0.0.1' },
      { ...same, labels: { app: 'x', version: 'v1' } },
      { ...same, labels: {} },
      { ...same, ports: [{ port: 81 }] },
      { ...same, ports: [{ port: 80 }, { port: 81 }] },
      { ...same, ports: { 0: { port: 80 } } },
      { ...same, workload: null },
      { ...same, extra: 0 },
    ]) {
      expect(sameValue(a, changed)).toBe(false);
      expect(sameValue(changed, a)).toBe(false);
    }
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });

  it('compares config objects by resourceVersion when both have one, else by fields', () => {
    const vs = { namespace: 'n', name: 'v', resourceVersion: '5', labels: {}, annotations: {}, spec: { hosts: ['a'] } };
    expect(sameRecord(rec(vs), rec(structuredClone(vs)))).toBe(true);
    expect(sameRecord(rec(vs), rec({ ...vs, resourceVersion: '6' }))).toBe(false);
    expect(sameRecord(rec({ ...vs, resourceVersion: undefined }), rec({ ...vs, resourceVersion: undefined, spec: { hosts: ['a'] } }))).toBe(true);
    expect(sameRecord(rec({ ...vs, resourceVersion: undefined }), rec({ ...vs, resourceVersion: undefined, spec: { hosts: ['b'] } }))).toBe(false);
  });
});
