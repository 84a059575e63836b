import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkSchemaWarningsIn } from './schema';

const run = (yaml: string) => {
  const c = clusterOf('c', yaml, {}, {});
  return messages(checkSchemaWarningsIn(ctxOf([c]), c)).map((m) => m.replace('IST0133 Schema validation warning: ', ''));
};
const obj = (apiVersion: string, kind: string, spec: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x, namespace: shop}\nspec: ${spec}\n`;
const net = (kind: string, spec: string) => obj('networking.istio.io/v1', kind, spec);

describe('checkSchemaWarningsIn', () => {
  it('fires IST0133 on every EnvoyFilter, and for a selector without labels', () => {
    expect(run(net('EnvoyFilter', '{workloadSelector: {}, configPatches: []}'))).toEqual([
      'EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.',
      'Envoy filter: workload selector specified without labels, will be applied to all services in namespace',
    ]);
  });

  it('fires IST0133 for duplicated Sidecar egress hosts and an HTTP pool on a TCP port', () => {
    expect(run(net('Sidecar', '{egress: [{hosts: ["./*", "shop/reviews", "*/*"]}]}'))).toEqual([
      'duplicated egress host: shop/reviews',
      '`*/*` host select all resources, no other hosts can be added',
    ]);
    expect(run(net('Sidecar', '{ingress: [{port: {number: 5432, name: pg, protocol: TCP}, connectionPool: {http: {idleTimeout: 5s}}}]}'))).toEqual([
      'sidecar: HTTP connection pool settings are configured for port 5432 ("pg") but its protocol is not HTTP (TCP); only TCP settings will apply',
    ]);
  });

  it('fires IST0133 for an HTTPS redirect on a non-HTTP server, mirrorPercent, a selector on a NONE ServiceEntry, a network-only WorkloadEntry', () => {
    expect(run(net('Gateway', '{servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {httpsRedirect: true, mode: PASSTHROUGH}}]}'))).toEqual(['tls.httpsRedirect should only be used with http servers']);
    expect(run(net('VirtualService', '{hosts: [r], http: [{mirror: {host: m}, mirrorPercent: 5, route: [{destination: {host: r}}]}]}'))).toEqual(['using deprecated setting "mirrorPercent", use "mirrorPercentage" instead']);
    expect(run(net('VirtualService', '{hosts: [r], tls: [{match: [{sniHosts: [10.0.0.1, r.example]}], route: [{destination: {host: r}}]}]}'))).toEqual(['using an IP address ("10.0.0.1") goes against SNI spec and most clients do not support this']);
    expect(run(net('VirtualService', '{hosts: [r], gateways: [ingress.istio-system], http: [{route: [{destination: {host: r}}]}]}'))).toEqual(['using legacy gatewayName format "ingress.istio-system"; prefer the <namespace>/<name> format: "istio-system/ingress"']);
    expect(run(net('ServiceEntry', '{hosts: ["api*.example.com"], resolution: STATIC}'))).toEqual(['partial wildcard "api*.example.com" not allowed']);
    expect(run(net('ServiceEntry', '{hosts: [a.example, b.example], addresses: [10.0.0.9], resolution: DNS, ports: [{number: 5432, name: pg, protocol: TCP}]}'))).toEqual(['service entry can not have more than one host specified simultaneously with address and tcp port']);
    expect(run(net('ServiceEntry', '{hosts: [a.example], workloadSelector: {labels: {app: a}}}'))).toEqual(['workloadSelector should not be set when resolution mode is NONE']);
    expect(run(net('WorkloadEntry', '{network: vm-net}'))).toEqual(['address is unset with network "vm-net"']);
    expect(run(obj('security.istio.io/v1', 'AuthorizationPolicy', '{selector: {}}'))).toEqual(['workload selector specified without labels']);
    const jwks = JSON.stringify(JSON.stringify({ keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }, { kty: 'RSA', n: 'x', e: 'AQAB', d: 'secret' }] }));
    expect(run(obj('security.istio.io/v1', 'RequestAuthentication', `{jwtRules: [{issuer: i, jwks: ${jwks}}]}`))).toEqual(['jwks key at index 1 contains private key material; only public keys are used for verification']);
  });

  it('fires IST0133 for server TLS settings Istio ignores, and DestinationRule settings it has deprecated', () => {
    expect(run(net('Gateway', '{servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_1, cipherSuites: [AES128-SHA, AES128-SHA, RC4-MD5]}}]}'))).toEqual([
      'ignoring invalid cipher suites: [RC4-MD5]',
      'ignoring duplicate cipher suites: [AES128-SHA]',
    ]);
    expect(run(net('Gateway', '{servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH, credentialName: c}}]}'))).toEqual(['PASSTHROUGH mode does not use certificates, they will be ignored']);
    expect(run(net('DestinationRule', '{host: r, trafficPolicy: {loadBalancer: {localityLbSetting: {failover: [{from: us-east, to: us-west}]}}}}'))).toEqual(['outlier detection policy must be provided for failover']);
    expect(run(net('DestinationRule', '{host: r, trafficPolicy: {outlierDetection: {consecutiveErrors: 5}}}'))).toEqual(['outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead']);
  });

  it('is quiet for clean objects, and where Istio\'s validation stops before warning', () => {
    expect(run(net('Sidecar', '{egress: [{hosts: ["./*", "istio-system/*"]}]}'))).toEqual([]);
    // A wildcard selector is an error that ends the Sidecar's validation.
    expect(run(net('Sidecar', '{workloadSelector: {labels: {app: "*"}}, egress: [{hosts: ["./*", "./*"]}]}'))).toEqual([]);
    expect(run(net('ServiceEntry', '{hosts: [a.example], resolution: STATIC, workloadSelector: {labels: {app: a}}}'))).toEqual([]);
    expect(run(net('ServiceEntry', '{hosts: ["*.example.com"], resolution: STATIC}'))).toEqual([]);
    // 'mesh' has no namespace either, and ends Istio's look at the names.
    expect(run(net('VirtualService', '{hosts: [r], gateways: [mesh, ingress.istio-system], http: [{route: [{destination: {host: r}}]}]}'))).toEqual([]);
    expect(run(net('Gateway', '{servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"], tls: {httpsRedirect: true}}]}'))).toEqual([]);
    // Istio gathers a subset's warnings as errors only, so they are lost.
    expect(run(net('DestinationRule', '{host: r, subsets: [{name: v1, trafficPolicy: {outlierDetection: {consecutiveErrors: 5}}}]}'))).toEqual([]);
    expect(run(net('DestinationRule', '{host: r, trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5}, loadBalancer: {localityLbSetting: {failover: [{from: a, to: b}]}}}}'))).toEqual([]);
  });
});
