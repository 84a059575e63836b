import { describe, expect, it } from 'vitest';
import { malformedPathSegment } from '@/lib/http/malformed-path';
import { htmlErrorResponse } from './api-problem';

describe('malformedPathSegment', () => {
  it.each([
    ['/api/v1/services/%zz/x', '%zz'],
    ['/share/%zz', '%zz'],
    ['/api/v1/clusters/%E0%A4%A', '%E0%A4%A'],
    ['/api/v1/x/abc%', 'abc%'],
  ])('finds the bad segment of %s', (path, segment) => {
    expect(malformedPathSegment(path)).toBe(segment);
  });
  it.each(['/api/v1/services/payments/checkout', '/api/v1/identities/a%20b', '/share/eyJ.a.b', '/'])('accepts %s', (path) => {
    expect(malformedPathSegment(path)).toBeUndefined();
  });
});

describe('htmlErrorResponse', () => {
  it('escapes what it echoes', async () => {
    const res = htmlErrorResponse(400, 'Bad', 'the path segment "<script>x</script>" is not valid');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).not.toContain('<script>');
  });
});
