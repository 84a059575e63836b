import { describe, expect, it } from 'vitest';
import { LOGIN_REDIRECT_GUARD_MS, loginUrl, mayRedirect } from './auth-redirect';

describe('loginUrl', () => {
  it('returns the browser to its path and query', () => {
    expect(loginUrl({ pathname: '/workspaces', search: '?workspace=books' })).toBe('/api/v1/auth/login?returnTo=%2Fworkspaces%3Fworkspace%3Dbooks');
  });
});

describe('mayRedirect', () => {
  it('redirects the first time and after the guard', () => {
    expect(mayRedirect(1_000_000, null)).toBe(true);
    expect(mayRedirect(1_000_000, 'garbage')).toBe(true);
    expect(mayRedirect(1_000_000, String(1_000_000 - LOGIN_REDIRECT_GUARD_MS - 1))).toBe(true);
  });
  it('refuses a second redirect soon after the first (a login that loops)', () => {
    expect(mayRedirect(1_000_000, String(1_000_000 - 5_000))).toBe(false);
  });
  it('ignores a timestamp from the future', () => {
    expect(mayRedirect(1_000_000, String(2_000_000))).toBe(true);
  });
});
