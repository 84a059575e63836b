import { describe, expect, it } from 'vitest';
import { anySelectorMatches, globMatch, parseSelector } from './selector';

describe('parseSelector', () => {
  it('parses names, wildcards and prefixes', () => {
    expect(parseSelector('c1/bookinfo')).toEqual({ cluster: 'c1', namespace: 'bookinfo' });
    expect(parseSelector('*/team-a-*')).toEqual({ cluster: '*', namespace: 'team-a-*' });
    expect(parseSelector('*/*')).toEqual({ cluster: '*', namespace: '*' });
  });
  it.each(['c1', 'c1/ns/x', '/ns', 'c1/', 'C1/ns', 'c1/../x', 'c1/ns x', 'c1/-ns'])('refuses %s', (s) => {
    expect(() => parseSelector(s)).toThrow();
  });
});

describe('globMatch', () => {
  it.each([
    ['*', 'anything', true],
    ['team-a-*', 'team-a-web', true],
    ['team-a-*', 'team-a-', true],
    ['team-a-*', 'team-b-web', false],
    ['*-prod', 'pay-prod', true],
    ['*-prod', 'pay-prod-2', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false],
    ['exact', 'exact', true],
    ['exact', 'exact2', false],
  ])('%s ~ %s = %s', (p, v, want) => expect(globMatch(p, v)).toBe(want));
});

describe('anySelectorMatches', () => {
  const sels = ['east/bookinfo', '*/team-a-*'].map(parseSelector);
  it('matches namespaces per cluster', () => {
    expect(anySelectorMatches(sels, 'east', 'bookinfo')).toBe(true);
    expect(anySelectorMatches(sels, 'west', 'bookinfo')).toBe(false);
    expect(anySelectorMatches(sels, 'west', 'team-a-api')).toBe(true);
    expect(anySelectorMatches(sels, 'west', 'istio-system')).toBe(false);
  });
  it('sees a cluster when any selector reaches into it', () => {
    expect(anySelectorMatches([parseSelector('east/bookinfo')], 'east')).toBe(true);
    expect(anySelectorMatches([parseSelector('east/bookinfo')], 'west')).toBe(false);
  });
});
