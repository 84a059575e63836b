import { describe, expect, it } from 'vitest';
import { labelSelectorMatches } from './label-selector';

describe('labelSelectorMatches', () => {
  it('matches labels and expressions as Kubernetes does', () => {
    const l = { app: 'web', tier: 'front' };
    expect(labelSelectorMatches(undefined, l)).toBe(true);
    // Not a selector at all: Kubernetes would refuse it, so it matches nothing.
    expect(labelSelectorMatches('app=web', l)).toBe(false);
    expect(labelSelectorMatches({ matchLabels: { app: 'web' } }, l)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['back'] }, { key: 'env', operator: 'DoesNotExist' }] }, l)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, l)).toBe(true);
  });

  it('does not match other labels or selectors Kubernetes rejects', () => {
    expect(labelSelectorMatches({ matchLabels: { app: 'db' } }, { app: 'web' })).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }, { app: 'web' })).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'app', operator: 'Like', values: ['w'] }] }, { app: 'web' })).toBe(false);
  });
});
