import { describe, expect, it } from 'vitest';
import { describeService } from './describe-service';
import { AT, ctxWith, service } from './__fixtures__/records';

describe('describeService', () => {
  it('records a selector change', () => {
    expect(describeService(service(), service({ selector: { app: 'reviews', version: 'v2' } }), ctxWith())).toEqual({
      at: AT, cluster: 'c1', category: 'service', kind: 'Service', namespace: 'bookinfo', name: 'reviews', action: 'changed',
      summary: 'Service bookinfo/reviews changed: selector.version set to v2',
      diff: [{ path: 'selector.version', after: 'v2' }],
      services: ['bookinfo/reviews'],
    });
  });

  it('compares ports by name and records the type', () => {
    const grpc = { name: 'grpc', port: 9090, protocol: 'TCP' };
    const e = describeService(service(), service({ type: 'LoadBalancer', ports: [grpc, { name: 'http', port: 9080, protocol: 'TCP' }] }), ctxWith());
    expect(e?.diff).toEqual([{ path: 'type', before: 'ClusterIP', after: 'LoadBalancer' }, { path: 'ports[0]', after: grpc }]);
  });

  it('is quiet on labels, addresses and the cluster IP', () => {
    expect(describeService(service(), service({ labels: { x: 'y' }, externalAddresses: ['1.2.3.4'], clusterIP: '10.9.9.9' }), ctxWith())).toBeUndefined();
  });

  it('records creation and deletion', () => {
    expect(describeService(undefined, service(), ctxWith())).toMatchObject({ action: 'created', summary: 'Service bookinfo/reviews created' });
    expect(describeService(service(), undefined, ctxWith())).toMatchObject({ action: 'deleted', services: ['bookinfo/reviews'] });
  });
});
