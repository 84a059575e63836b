import { describe, expect, it } from 'vitest';
import { describeDiff, describeField, shortValue } from './summary';

describe('summaries', () => {
  it('say one field in words', () => {
    expect(describeField({ path: 'spec.subsets[1].labels.version', before: 'v2', after: 'v3' })).toBe('spec.subsets[1].labels.version v2 → v3');
    expect(describeField({ path: 'spec.x', after: { a: 1 } })).toBe('spec.x set to {"a":1}');
    expect(describeField({ path: 'spec.x', before: 1 })).toBe('spec.x removed');
  });
  it('count the other fields, markers included', () => {
    expect(describeDiff([{ path: 'a', before: 1, after: 2 }, { path: 'b', after: 1 }])).toBe('a 1 → 2 (+1 more)');
    expect(describeDiff([{ path: 'a', before: 1, after: 2 }, { path: 'b', after: 1 }, { path: '…', after: '7 more fields' }])).toBe('a 1 → 2 (+8 more)');
    expect(describeDiff([])).toBe('');
  });
  it('cut long values', () => {
    expect(shortValue('y'.repeat(100))).toHaveLength(48);
    expect(shortValue('registry.example.com/team/very/long/path/reviews:1.21.0')).toBe('registry.example…m/very/long/path/reviews:1.21.0');
  });
});
