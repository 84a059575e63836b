import { describe, expect, it } from 'vitest';
import { describeConfig } from './describe-config';
import { AT, ctxWith, destinationRule } from './__fixtures__/records';

const subsets = (v2: string) => ({ host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: v2 } }] });

describe('describeConfig', () => {
  it('records a spec change with its path, a one-line summary and the services it routes to', () => {
    const e = describeConfig(destinationRule(), destinationRule({ resourceVersion: '11', generation: 2 }, subsets('v3')), ctxWith());
    expect(e).toEqual({
      at: AT, cluster: 'c1', category: 'config', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews', action: 'changed',
      summary: 'DestinationRule bookinfo/reviews changed: spec.subsets[1].labels.version v2 → v3',
      diff: [{ path: 'spec.subsets[1].labels.version', before: 'v2', after: 'v3' }],
      services: ['bookinfo/reviews'],
    });
  });

  it('is quiet when only the status, resourceVersion or generation moved', () => {
    expect(describeConfig(destinationRule({ status: { a: 1 } }), destinationRule({ resourceVersion: '99', generation: 7, status: { a: 2 } }), ctxWith())).toBeUndefined();
  });

  it('records label and kept annotation changes', () => {
    const e = describeConfig(destinationRule(), destinationRule({ labels: { team: 'a' }, annotations: { 'networking.istio.io/exportTo': '.' } }), ctxWith());
    expect(e?.diff.map((f) => f.path)).toEqual(['labels.team', 'annotations["networking.istio.io/exportTo"]']);
    expect(e?.summary).toBe('DestinationRule bookinfo/reviews changed: labels.team set to a (+1 more)');
  });

  it('records creation and deletion with the spec as one compact field', () => {
    const created = describeConfig(undefined, destinationRule(), ctxWith());
    expect(created).toMatchObject({ action: 'created', summary: 'DestinationRule bookinfo/reviews created', services: ['bookinfo/reviews'] });
    expect(created?.diff).toEqual([{ path: 'spec', after: destinationRule().spec }]);
    const deleted = describeConfig(destinationRule({ labels: { a: 'b' } }), undefined, ctxWith());
    expect(deleted).toMatchObject({ action: 'deleted', summary: 'DestinationRule bookinfo/reviews deleted' });
    expect(deleted?.diff.map((f) => f.path)).toEqual(['spec', 'labels']);
    expect(deleted?.diff[0]?.after).toBeUndefined();
  });

  it('names the services of both sides when a route moves', () => {
    const vs = (host: string) => destinationRule({ kind: 'VirtualService', name: 'r' }, { hosts: ['reviews'], http: [{ route: [{ destination: { host } }] }] });
    const e = describeConfig(vs('reviews-v1'), vs('ratings.bookinfo'), ctxWith((s) => s.namespaces.set('bookinfo', { name: 'bookinfo', labels: {} })));
    expect(e?.services).toEqual(['bookinfo/ratings', 'bookinfo/reviews', 'bookinfo/reviews-v1']);
    expect(e?.diff).toEqual([{ path: 'spec.http[0].route[0].destination.host', before: 'reviews-v1', after: 'ratings.bookinfo' }]);
  });

  it('leaves the namespace out for cluster-scoped objects', () => {
    const gc = destinationRule({ group: 'gateway.networking.k8s.io', kind: 'GatewayClass', namespace: '', name: 'istio' }, { controllerName: 'a' });
    expect(describeConfig(gc, { ...gc, spec: { controllerName: 'b' } }, ctxWith())).toMatchObject({ namespace: undefined, summary: 'GatewayClass istio changed: spec.controllerName a → b', services: [] });
  });
});
