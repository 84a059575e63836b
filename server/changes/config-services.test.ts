import { describe, expect, it } from 'vitest';
import type { SlimConfigObject } from '../clusters/records';
import { configServices } from './config-services';

const cfg = (group: string, kind: string, spec: unknown, namespace = 'bookinfo', name = 'x'): SlimConfigObject => ({ group, version: 'v1', kind, namespace, name, labels: {}, annotations: {}, spec });
const ISTIO = 'networking.istio.io';
const GW = 'gateway.networking.k8s.io';

describe('configServices', () => {
  it('DestinationRule: its host', () => {
    expect(configServices(cfg(ISTIO, 'DestinationRule', { host: 'reviews' }))).toEqual(['bookinfo/reviews']);
    expect(configServices(cfg(ISTIO, 'DestinationRule', { host: '*.example.com' }))).toEqual([]);
  });
  it('VirtualService: hosts and every route destination', () => {
    const vs = cfg(ISTIO, 'VirtualService', {
      hosts: ['reviews', 'bookinfo.example.com'],
      http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }, { destination: { host: 'reviews-canary.canary.svc.cluster.local' } }] }],
      tcp: [{ route: [{ destination: { host: 'mysql.db' } }] }],
      tls: [{ route: [{ destination: { host: 'ext.example.com' } }] }],
    });
    expect(configServices(vs)).toEqual(['bookinfo/reviews', 'canary/reviews-canary', 'db/mysql']);
  });
  it('HTTPRoute and GRPCRoute: Service backendRefs and Service parentRefs', () => {
    const route = cfg(GW, 'HTTPRoute', {
      parentRefs: [{ name: 'gateway', kind: 'Gateway' }, { name: 'reviews', kind: 'Service', group: '' }],
      rules: [{ backendRefs: [{ name: 'reviews-v1', port: 9080 }, { name: 'reviews-v2', kind: 'Service', namespace: 'other' }, { name: 'bucket', kind: 'Bucket', group: 'storage.example.com' }] }],
    });
    expect(configServices(route)).toEqual(['bookinfo/reviews', 'bookinfo/reviews-v1', 'other/reviews-v2']);
    expect(configServices(cfg(GW, 'GRPCRoute', { rules: [{ backendRefs: [{ name: 'payments' }] }] }, 'payments'))).toEqual(['payments/payments']);
  });
  it('ServiceEntry is itself a global service; workload-selecting kinds name none', () => {
    expect(configServices(cfg(ISTIO, 'ServiceEntry', { hosts: ['x.example.com'] }, 'admiral-sync', 'stage.greeting.global-se'))).toEqual(['admiral-sync/stage.greeting.global-se']);
    expect(configServices(cfg(ISTIO, 'Sidecar', { egress: [{ hosts: ['./*'] }] }))).toEqual([]);
    expect(configServices(cfg('security.istio.io', 'AuthorizationPolicy', { selector: { matchLabels: { app: 'reviews' } } }))).toEqual([]);
  });
  it('survives hostile specs', () => {
    expect(configServices(cfg(ISTIO, 'VirtualService', { hosts: 'reviews', http: [null, { route: 'x' }, { route: [{ destination: 5 }] }] }))).toEqual([]);
    expect(configServices(cfg(GW, 'HTTPRoute', { rules: [{ backendRefs: [{}, null, { name: 7 }] }] }))).toEqual([]);
    expect(configServices(cfg(ISTIO, 'DestinationRule', null))).toEqual([]);
  });
});
