/** The audit line never carries a token: share links in paths are redacted, the query is left out. */
import { describe, expect, it } from 'vitest';
import { auditFields, auditPath } from './audit';

const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6Im1nLXNoYXJlK2p3dCJ9.eyJ3cyI6InBheSJ9.c2lnbmF0dXJlLW9mLXRoZS1saW5r';

describe('auditPath', () => {
  it.each([
    [`/share/${TOKEN}`, '/share/<redacted>'],
    [`/share/${TOKEN}/`, '/share/<redacted>'],
    ['/share/not-a-jwt-but-still-the-link', '/share/<redacted>'],
    [`/api/v1/things/${TOKEN}`, '/api/v1/things/<redacted>'],
    ['/api/v1/services/payments/checkout', '/api/v1/services/payments/checkout'],
    ['/api/v1/identities/stage.greeting.global', '/api/v1/identities/stage.greeting.global'],
    ['/api/v1/identities/payments-east.greeting.global', '/api/v1/identities/payments-east.greeting.global'],
    ['/api/v1/share-links/00000000-0000-4000-8000-000000000000', '/api/v1/share-links/00000000-0000-4000-8000-000000000000'],
  ])('logs %s as %s', (path, logged) => {
    expect(auditPath(path)).toBe(logged);
  });

  it('puts the redacted path, and no query string, on the audit line', () => {
    const fields = auditFields(new Request(`http://127.0.0.1/share/${TOKEN}?code=secret-code&state=s`), undefined, { shareLink: 'link-1' });
    expect(fields).toEqual({ audit: true, user: 'unknown', role: 'none', workspace: '-', path: '/share/<redacted>', shareLink: 'link-1' });
    expect(JSON.stringify(fields)).not.toMatch(/secret-code|eyJ/);
  });
});
