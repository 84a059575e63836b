import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../../test-helpers';
import { lookupDestinationHost } from './destination-host';

const yaml = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: eu, namespace: default}
spec: {hosts: ["*.eu.example.com"], ports: [{number: 443, name: https, protocol: TLS}]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: partner, namespace: other}
spec: {hosts: [partner.example.com], exportTo: [default], ports: [{number: 80, name: http, protocol: HTTP}, {number: 8080, name: alt, protocol: HTTP}]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: private, namespace: other}
spec: {hosts: ["*"], exportTo: ["."]}
---
apiVersion: v1
kind: Service
metadata: {name: dns, namespace: default}
spec: {ports: [{name: dns-tcp, port: 53, protocol: TCP}, {name: dns-udp, port: 53, protocol: UDP}]}
`;

describe('lookupDestinationHost', () => {
  const c = clusterOf('c1', yaml);
  const ctx = ctxOf([c]);

  it('finds wildcard entries, entries exported to the namespace, and Services with every port listed', () => {
    expect(lookupDestinationHost(ctx, c, 'default', [], 'api.eu.example.com')?.ports).toEqual([443]);
    expect(lookupDestinationHost(ctx, c, 'default', [], 'partner.example.com')?.ports).toEqual([80, 8080]);
    expect(lookupDestinationHost(ctx, c, 'default', [], 'dns')?.ports).toEqual([53, 53]);
  });

  it('scopes exact hosts by the caller\'s exportTo and wildcards by its namespace', () => {
    expect(lookupDestinationHost(ctx, c, 'elsewhere', [], 'partner.example.com')).toBeUndefined();
    expect(lookupDestinationHost(ctx, c, 'elsewhere', ['default'], 'partner.example.com')).toBeDefined();
    expect(lookupDestinationHost(ctx, c, 'default', [], 'anything.org')).toBeUndefined();
    expect(lookupDestinationHost(ctx, c, 'other', [], 'anything.org')).toBeDefined();
  });
});
