import { describe, expect, it } from 'vitest';
import { describeRootCert } from './describe-root-cert';
import { AT, ctxWith, rootCert } from './__fixtures__/records';

describe('describeRootCert', () => {
  it('records a fingerprint change as trust', () => {
    const after = rootCert({ fingerprint: '11:22:33:44:55:66:77:88:99', notAfter: '2036-01-01T00:00:00.000Z' });
    expect(describeRootCert(rootCert(), after, ctxWith())).toEqual({
      at: AT, cluster: 'c1', category: 'trust', kind: 'ConfigMap', namespace: 'bookinfo', name: 'istio-ca-root-cert', action: 'changed',
      summary: 'root certificate in bookinfo changed: AA:BB:CC:DD:EE:FF… → 11:22:33:44:55:66…',
      diff: [
        { path: 'fingerprint', before: 'AA:BB:CC:DD:EE:FF:00:11:22', after: '11:22:33:44:55:66:77:88:99' },
        { path: 'notAfter', before: '2035-01-01T00:00:00.000Z', after: '2036-01-01T00:00:00.000Z' },
      ],
      services: [],
    });
  });

  it('records a certificate turning unreadable', () => {
    const e = describeRootCert(rootCert(), { namespace: 'bookinfo', error: 'root-cert.pem missing' }, ctxWith());
    expect(e?.summary).toBe('root certificate in bookinfo changed: AA:BB:CC:DD:EE:FF… → unreadable (root-cert.pem missing)');
  });

  it('is quiet when the fingerprint stays, and when the ConfigMap comes or goes with its namespace', () => {
    expect(describeRootCert(rootCert(), rootCert({ subject: 'O=other' }), ctxWith())).toBeUndefined();
    expect(describeRootCert(undefined, rootCert(), ctxWith())).toBeUndefined();
    expect(describeRootCert(rootCert(), undefined, ctxWith())).toBeUndefined();
  });
});
