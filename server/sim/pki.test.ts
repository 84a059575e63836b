import { X509Certificate } from 'node:crypto';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCa, issueServerCert } from './pki';

describe('pki', () => {
  it('creates a CA that parses and is self-signed', () => {
    const ca = createCa('meshglass-sim-ca', { validDays: 10 });
    const cert = new X509Certificate(ca.certPem);
    expect(cert.subject).toBe('CN=meshglass-sim-ca');
    expect(cert.issuer).toBe('CN=meshglass-sim-ca');
    expect(cert.ca).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(10);
  });

  it('issues a server cert that verifies against the CA and carries the SANs', () => {
    const ca = createCa('ca-1');
    const srv = issueServerCert(ca, { commonName: 'kube-apiserver', altNames: ['localhost', '127.0.0.1', '::1'] });
    const cert = new X509Certificate(srv.certPem);
    const caCert = new X509Certificate(ca.certPem);
    expect(cert.subject).toBe('CN=kube-apiserver');
    expect(cert.issuer).toBe('CN=ca-1');
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toMatch(/IP Address:0:0:0:0:0:0:0:1|IP Address:::1/);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(new X509Certificate(createCa('other').certPem).publicKey.equals(caCert.publicKey)).toBe(false);
  });

  it('serves TLS that a client trusting only the CA accepts', async () => {
    const ca = createCa('tls-ca');
    const srv = issueServerCert(ca, { commonName: 'x', altNames: ['localhost', '127.0.0.1'] });
    const server = createServer({ cert: srv.certPem, key: srv.keyPem }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, ca: ca.certPem, timeout: 5000 }, (res) => {
          let b = '';
          res.on('data', (c: Buffer) => (b += c.toString()));
          res.on('end', () => resolve(b));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).toBe('ok');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
