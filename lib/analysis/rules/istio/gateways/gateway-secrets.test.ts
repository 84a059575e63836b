import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkGatewaySecrets } from './gateway-secrets';

const pod = (ns: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ingress-1, namespace: ${ns}, labels: {istio: shop-gateway}}
`;
const secret = (name: string, keys: string[]) => `---
apiVersion: v1
kind: Secret
metadata: {name: ${name}, namespace: edge}
type: kubernetes.io/tls
data: {${keys.map((k) => `${k}: c2VjcmV0`).join(', ')}}
`;
const gw = (credential: string, selector = 'shop-gateway') => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop, namespace: apps}
spec: {selector: {istio: ${selector}}, servers: [{port: {number: 443, name: https, protocol: HTTPS}, tls: {mode: SIMPLE, credentialName: ${credential}}, hosts: ["shop.example.com"]}]}
`;
const run = (yaml: string, over = {}) => messages(checkGatewaySecrets(ctxOf([clusterOf('c', yaml, over, {})])));

describe('checkGatewaySecrets', () => {
  it('fires IST0101 for a selector matching no pod and for a credential missing where the gateway pods run', () => {
    expect(run(pod('edge') + gw('shop-cert', 'nowhere'))).toEqual(['IST0101 Referenced selector not found: "istio=nowhere"']);
    // The Secret must be in the pods' namespace (edge), not the Gateway's (apps).
    expect(run(pod('edge') + gw('shop-cert'))).toEqual(['IST0101 Referenced credentialName not found: "shop-cert"']);
  });

  it('fires IST0161 for a Secret without a certificate and key pair', () => {
    expect(run(pod('edge') + secret('shop-cert', ['tls.cert', 'tls.key']) + gw('shop-cert'))).toEqual([
      'IST0161 The credential referenced by the Gateway shop in namespace edge is invalid, which can cause the traffic not to work as expected.',
    ]);
  });

  it('fires IST0161 for a certificate that cannot be read or is outside its validity window, quiet inside it', () => {
    const base = clusterOf('c', pod('edge') + secret('shop-cert', ['tls.crt', 'tls.key']) + gw('shop-cert'), {}, {});
    const withCert = (certificate: object) => messages(checkGatewaySecrets(ctxOf([{ ...base, secrets: [...base.secrets].map((x) => ({ ...x, certificate })) }], { now: Date.parse('2026-06-01T00:00:00Z') })));
    const invalid = 'IST0161 The credential referenced by the Gateway shop in namespace edge is invalid, which can cause the traffic not to work as expected.';
    expect(withCert({ error: 'tls.crt holds no PEM certificate' })).toEqual([invalid]);
    expect(withCert({ notBefore: '2025-01-01T00:00:00Z', notAfter: '2026-01-01T00:00:00Z' })).toEqual([invalid]);
    expect(withCert({ notBefore: '2026-07-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' })).toEqual([invalid]);
    expect(withCert({ notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' })).toEqual([]);
  });

  it('is quiet for a Secret with tls.crt and tls.key, or cert and key, and for what the view cannot know', () => {
    expect(run(pod('edge') + secret('shop-cert', ['tls.crt', 'tls.key']) + gw('shop-cert'))).toEqual([]);
    expect(run(pod('edge') + secret('shop-cert', ['cert', 'key']) + gw('shop-cert'))).toEqual([]);
    expect(run(pod('edge') + gw('shop-cert'), { complete: false })).toEqual([]);
    // Fleet views hold only the Istio namespace's Secrets.
    expect(run(pod('edge') + gw('shop-cert'), { secretNamespaces: new Set(['istio-system']) })).toEqual([]);
  });
});
