import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkServiceEntryAddressesIn } from './serviceentry-addresses';

const entry = (ports: string, extra = '') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: db, namespace: shop}
spec: {hosts: [db.example.com], ports: ${ports}, resolution: DNS${extra}}
`;
const run = (yaml: string, meshConfig: Record<string, unknown> | 'none' = {}) => {
  const c = clusterOf('c', yaml, { meshConfig: meshConfig === 'none' ? undefined : meshConfig });
  return messages(checkServiceEntryAddressesIn(ctxOf([c]), c));
};
const capture = (extra: Record<string, string>) => ({ defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ...extra } } });

describe('checkServiceEntryAddressesIn', () => {
  it('fires IST0134 once for TCP or protocol-less ports without addresses', () => {
    expect(run(entry('[{number: 5432, name: pg, protocol: tcp}, {number: 5433, name: pg2}]'))).toEqual(['IST0134 ServiceEntry addresses are required for this protocol.']);
    expect(run(entry('[{number: 5432, name: pg}]'), capture({}))).toEqual(['IST0134 ServiceEntry addresses are required for this protocol.']);
  });

  it('is quiet with addresses, allocated addresses, auto-allocation, HTTP ports, or no mesh config', () => {
    expect(run(entry('[{number: 5432, name: pg, protocol: TCP}]', ', addresses: [10.1.2.3]'))).toEqual([]);
    expect(run(entry('[{number: 5432, name: pg, protocol: TCP}]') + 'status: {addresses: [{host: db.example.com, value: 240.240.0.1}]}\n')).toEqual([]);
    expect(run(entry('[{number: 5432, name: pg}]'), capture({ ISTIO_META_DNS_AUTO_ALLOCATE: 'true' }))).toEqual([]);
    expect(run(entry('[{number: 80, name: http, protocol: HTTP}]'))).toEqual([]);
    expect(run(entry('[{number: 5432, name: pg}]'), 'none')).toEqual([]);
  });
});
