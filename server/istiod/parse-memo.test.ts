import { describe, expect, it } from 'vitest';
import { digestOf, ParseMemo } from './parse-memo';

describe('ParseMemo', () => {
  it('parses a changed body and returns the same object for unchanged bytes', () => {
    const m = new ParseMemo();
    let calls = 0;
    const parse = (b: string) => {
      calls++;
      return JSON.parse(b) as unknown;
    };
    const a = m.parse('k', '[1,2]', parse);
    expect(m.parse('k', '[1,2]', parse)).toBe(a);
    expect(calls).toBe(1);
    const b = m.parse('k', '[1,3]', parse);
    expect(b).toEqual([1, 3]);
    expect(calls).toBe(2);
    // Keys are separate: the same bytes from another pod are parsed for it.
    m.parse('other', '[1,3]', parse);
    expect(calls).toBe(3);
    expect({ parsed: m.parsed, reused: m.reused }).toEqual({ parsed: 3, reused: 1 });
  });

  it('does not remember a body that failed to parse', () => {
    const m = new ParseMemo();
    expect(() => m.parse('k', '{', (b) => JSON.parse(b) as unknown)).toThrow();
    expect(() => m.parse('k', '{', (b) => JSON.parse(b) as unknown)).toThrow();
    expect(m.size).toBe(0);
  });

  it('sweep forgets keys not asked for since the last sweep', () => {
    const m = new ParseMemo();
    m.parse('a', '1', Number);
    m.parse('b', '2', Number);
    m.sweep();
    m.parse('a', '1', Number);
    m.sweep();
    expect(m.size).toBe(1);
    m.sweep();
    expect(m.size).toBe(0);
  });
});

describe('ParseMemo with a digest from the transport', () => {
  it('reads the body only when the digest changed', () => {
    const m = new ParseMemo();
    let reads = 0;
    const body = (t: string) => () => {
      reads++;
      return t;
    };
    const a = m.parse('k', body('[1]'), (b) => JSON.parse(b) as unknown, digestOf('[1]'));
    expect(m.parse('k', body('[1]'), (b) => JSON.parse(b) as unknown, digestOf('[1]'))).toBe(a);
    expect(reads).toBe(1);
    expect(m.parse('k', body('[2]'), (b) => JSON.parse(b) as unknown, digestOf('[2]'))).toEqual([2]);
    expect(reads).toBe(2);
    // A body given without a digest is digested here, the same way.
    expect(m.parse('k', '[2]', (b) => JSON.parse(b) as unknown)).toEqual([2]);
    expect(m.reused).toBe(2);
  });
});
