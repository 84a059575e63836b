import { describe, expect, it } from 'vitest';
import { globToLike, visiblePatterns } from './visible-patterns';

describe('selector globs as LIKE patterns', () => {
  it('turns * into % and escapes what LIKE would read as wildcards', () => {
    expect(globToLike('*')).toBe('%');
    expect(globToLike('team-a-*')).toBe('team-a-%');
    expect(globToLike('p*d*')).toBe('p%d%');
    expect(globToLike('a.b')).toBe('a.b');
    expect(globToLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
  });

  it('gives parallel cluster and namespace arrays', () => {
    expect(visiblePatterns([{ cluster: 'prod-*', namespace: '*' }, { cluster: 'dev', namespace: 'team-a' }])).toEqual({ clusters: ['prod-%', 'dev'], namespaces: ['%', 'team-a'] });
    expect(visiblePatterns([])).toEqual({ clusters: [], namespaces: [] });
  });
});
