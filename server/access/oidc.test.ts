/** Where a login may send the browser back to: only a path on this app, whatever the encoding. */
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './oidc';

describe('safeReturnTo', () => {
  it.each(['/', '/services', '/services?namespace=payments&page=2', '/topology#node', '/clusters/us-east-1'])('keeps the same-origin path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  // Values as URLSearchParams hands them over, i.e. decoded once.
  it.each([
    ['a tab that browsers strip to //evil', '/\t/evil.example/phish'],
    ['a newline (an invalid Location header)', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a leading space', ' /services'],
    ['a space inside', '/ /evil.example'],
    ['a non-breaking space', '/\u00a0/evil.example'],
    ['a line separator', '/\u2028/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['a protocol-relative URL', '//evil.example/phish'],
    ['slash backslash', '/\\evil.example'],
    ['a backslash anywhere', '/services\\x'],
    ['an encoded tab (decoded twice)', '/%09/evil.example'],
    ['an encoded slash making //', '/%2F/evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a malformed escape', '/%zz'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'services'],
    ['nothing', ''],
    ['an overlong path', `/${'a'.repeat(3000)}`],
  ])('turns %s into /', (_what, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('turns a missing value into /', () => {
    expect(safeReturnTo(null)).toBe('/');
  });
});
