/** The audit line never carries a token: share links in paths are redacted, the query is left out. */
import { describe, expect, it } from 'vitest';
import type { AuditEventInput } from '@/server/history/access-records';
import { auditFields, auditPath, recordRequest } from './audit';

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

describe('recordRequest', () => {
  const trail = () => {
    const rows: AuditEventInput[] = [];
    return { rows, record: (e: AuditEventInput) => void rows.push(e) };
  };

  it('hands the audit line to the trail: the user as principal, the logged path as subject, the rest as detail', () => {
    const t = trail();
    const fields = auditFields(new Request(`http://127.0.0.1/share/${TOKEN}?code=secret-code`), undefined, { shareLink: 'link-1' });
    recordRequest(t, 'share.open', 'req-1', { ...fields, method: 'GET', status: 303, ms: 4 });
    expect(t.rows).toEqual([
      {
        at: expect.any(String),
        principal: 'unknown',
        action: 'request',
        subject: '/share/<redacted>',
        detail: { route: 'share.open', method: 'GET', status: 303, role: 'none', workspace: '-', requestId: 'req-1', ms: 4, shareLink: 'link-1' },
      },
    ]);
    expect(Number.isNaN(Date.parse(t.rows[0]!.at))).toBe(false);
    expect(JSON.stringify(t.rows)).not.toMatch(/secret-code|eyJ/);
  });

  it('leaves the probes out', () => {
    const t = trail();
    const line = { ...auditFields(new Request('http://127.0.0.1/api/v1/healthz'), undefined), method: 'GET', status: 200, ms: 1 };
    recordRequest(t, 'healthz', 'r', line);
    recordRequest(t, 'readyz', 'r', line);
    recordRequest(t, 'clusters.list', 'r', line);
    expect(t.rows.map((r) => r.detail?.route)).toEqual(['clusters.list']);
  });
});
