import { describe, expect, it } from 'vitest';
import { carriesStatus, configStatus, describeFailure, mergeStatuses, parentLabel } from './config-status';

const cond = (type: string, status: string, reason?: string) => ({ type, status, ...(reason ? { reason } : {}), lastTransitionTime: '2025-01-01T00:00:00Z' });

describe('configStatus', () => {
  it('is ok for a programmed Gateway with good listeners', () => {
    const st = { conditions: [cond('Accepted', 'True'), cond('Programmed', 'True')], listeners: [{ name: 'http', conditions: [cond('Accepted', 'True'), cond('Conflicted', 'False'), cond('ResolvedRefs', 'True')] }] };
    expect(configStatus(st, 'istio-ingress')).toEqual({ state: 'ok', failing: [] });
  });

  it('reports a waypoint not programmed, and a conflicted listener (True is the bad news there)', () => {
    const st = { conditions: [cond('Accepted', 'True'), cond('Programmed', 'False', 'NoResources')], listeners: [{ name: 'mesh', conditions: [cond('Conflicted', 'True', 'HostnameConflict')] }] };
    expect(configStatus(st, 'shop')).toEqual({
      state: 'error',
      failing: [{ type: 'Programmed', status: 'False', reason: 'NoResources' }, { where: 'listener mesh', type: 'Conflicted', status: 'True', reason: 'HostnameConflict' }],
    });
  });

  it('reads a route per parent, with Gateway API defaults for the parentRef', () => {
    const st = {
      parents: [
        { parentRef: { name: 'public', namespace: 'istio-ingress', sectionName: 'https' }, controllerName: 'istio.io/gateway-controller', conditions: [cond('Accepted', 'False', 'NoMatchingParent'), cond('ResolvedRefs', 'True')] },
        { parentRef: { group: '', kind: 'Service', name: 'cart', port: 8080 }, conditions: [cond('Accepted', 'True'), cond('ResolvedRefs', 'False', 'BackendNotFound')] },
      ],
    };
    const v = configStatus(st, 'shop');
    expect(v?.state).toBe('error');
    expect(v?.failing.map((f) => describeFailure(f))).toEqual(['Gateway istio-ingress/public:https: Accepted False NoMatchingParent', 'Service shop/cart:8080: ResolvedRefs False BackendNotFound']);
  });

  it('is undefined for an object without conditions, or without status', () => {
    expect(configStatus(undefined, 'x')).toBeUndefined();
    expect(configStatus({ parents: [] }, 'x')).toBeUndefined();
    expect(configStatus('bad', 'x')).toBeUndefined();
  });

  it('treats Unknown as not ok', () => {
    expect(configStatus({ conditions: [cond('Accepted', 'Unknown', 'Pending')] }, 'x')?.state).toBe('error');
  });
});

describe('mergeStatuses', () => {
  it('is in error when one cluster is, naming the cluster', () => {
    const m = mergeStatuses([
      { cluster: 'us-east-1', status: { state: 'ok', failing: [] } },
      { cluster: 'us-west-2', status: { state: 'error', failing: [{ where: 'Gateway istio-ingress/public:http', type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }] } },
      { cluster: 'eu-central-1', status: undefined },
    ]);
    expect(m?.state).toBe('error');
    expect(m?.failing.map(describeFailure)).toEqual(['us-west-2 · Gateway istio-ingress/public:http: ResolvedRefs False RefNotPermitted']);
    expect(mergeStatuses([{ cluster: 'a', status: undefined }])).toBeUndefined();
    expect(mergeStatuses([{ cluster: 'a', status: { state: 'ok', failing: [] } }])).toEqual({ state: 'ok', failing: [] });
  });
});

describe('parentLabel and carriesStatus', () => {
  it('labels parents like the service page does', () => {
    expect(parentLabel({ name: 'public' }, 'istio-ingress')).toBe('Gateway istio-ingress/public');
  });

  it('asks status of Gateway API kinds but ReferenceGrant, and of no Istio kind', () => {
    expect(carriesStatus({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' })).toBe(true);
    expect(carriesStatus({ group: 'gateway.networking.k8s.io', kind: 'ReferenceGrant' })).toBe(false);
    expect(carriesStatus({ group: 'networking.istio.io', kind: 'Gateway' })).toBe(false);
  });
});
