import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkDestinationRuleTls } from './dr-tls';

const dr = (policy: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ext, namespace: default}
spec: {host: api.example.com, trafficPolicy: ${policy}}
`;

describe('checkDestinationRuleTls', () => {
  it('fires IST0128 and IST0129 for SIMPLE/MUTUAL without caCertificates', () => {
    expect(messages(checkDestinationRuleTls(ctxOf([clusterOf('c', dr('{tls: {mode: SIMPLE}, portLevelSettings: [{port: {number: 443}, tls: {mode: MUTUAL}}]}'))])))).toEqual([
      'IST0128 DestinationRule default/ext in namespace default has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: api.example.com',
      'IST0129 DestinationRule default/ext in namespace default has TLS mode set to MUTUAL but no caCertificates are set to validate server identity for host: api.example.com at port number:443',
    ]);
  });

  it('is quiet with caCertificates or ISTIO_MUTUAL', () => {
    expect(checkDestinationRuleTls(ctxOf([clusterOf('c', dr('{tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}, portLevelSettings: [{port: {number: 443}, tls: {mode: ISTIO_MUTUAL}}]}'))]))).toEqual([]);
  });
});

describe('checkDestinationRuleTls with credentialName', () => {
  const selected = (policy: string, selector: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: db, namespace: default}
spec: {host: db.example.com, ${selector} trafficPolicy: ${policy}}
`;
  const policy = '{tls: {mode: SIMPLE, credentialName: db-cred}, portLevelSettings: [{port: {number: 5432}, tls: {mode: SIMPLE, credentialName: db-cred}}]}';

  it('fires without a workloadSelector (the credential is not used for the CA then)', () => {
    expect(messages(checkDestinationRuleTls(ctxOf([clusterOf('c', selected(policy, ''))]))).map((m) => m.slice(0, 7))).toEqual(['IST0128', 'IST0129']);
  });

  it('is quiet with a workloadSelector', () => {
    expect(checkDestinationRuleTls(ctxOf([clusterOf('c', selected(policy, 'workloadSelector: {matchLabels: {app: db}},'))]))).toEqual([]);
  });
});
