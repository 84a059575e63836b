import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkGatewayCertificates } from './gateway-certificates';

const gw = (name: string, tls: string, selector = '{istio: ingressgateway}') => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: edge}
spec: {selector: ${selector}, servers: [{port: {number: 443, name: https, protocol: HTTPS}, tls: ${tls}, hosts: ["${name}.example.com"]}]}
`;
const run = (yaml: string) => messages(checkGatewayCertificates(ctxOf([clusterOf('c', yaml)])));

describe('checkGatewayCertificates', () => {
  it('fires IST0138 on Gateways sharing a credential on the same pods', () => {
    expect(run(gw('a', '{mode: SIMPLE, credentialName: wildcard}') + gw('b', '{mode: SIMPLE, credentialName: wildcard}'))).toEqual([
      'IST0138 Duplicate certificate in multiple gateways [edge/a edge/b] may cause 404s if clients re-use HTTP2 connections.',
      'IST0138 Duplicate certificate in multiple gateways [edge/b edge/a] may cause 404s if clients re-use HTTP2 connections.',
    ]);
  });

  it('fires IST0138 for the same certificate files, only on the Gateway whose selector the other includes', () => {
    const files = '{mode: SIMPLE, serverCertificate: /etc/certs/tls.crt, privateKey: /etc/certs/tls.key}';
    expect(run(gw('a', files) + gw('b', files, '{istio: ingressgateway, tier: internal}'))).toEqual([
      'IST0138 Duplicate certificate in multiple gateways [edge/a edge/b] may cause 404s if clients re-use HTTP2 connections.',
    ]);
  });

  it('is quiet for distinct credentials or disjoint selectors', () => {
    expect(run(gw('a', '{mode: SIMPLE, credentialName: one}') + gw('b', '{mode: SIMPLE, credentialName: two}'))).toEqual([]);
    expect(run(gw('a', '{mode: SIMPLE, credentialName: one}') + gw('b', '{mode: SIMPLE, credentialName: one}', '{istio: other}'))).toEqual([]);
  });
});
