import { describe, expect, it } from 'vitest';
import { describeDeployment, selectingServices } from './describe-deployment';
import { AT, ctxWith, deployment, service } from './__fixtures__/records';
import type { ClusterStore } from '../fleet/cluster-store';

const withServices = (s: ClusterStore) => {
  s.services.set('bookinfo/reviews', service());
  s.services.set('bookinfo/reviews-v1', service({ name: 'reviews-v1', selector: { app: 'reviews', version: 'v1' } }));
  s.services.set('bookinfo/reviews-v2', service({ name: 'reviews-v2', selector: { app: 'reviews', version: 'v2' } }));
  s.services.set('bookinfo/no-selector', service({ name: 'no-selector', selector: undefined }));
  s.services.set('bookinfo/empty-selector', service({ name: 'empty-selector', selector: {} }));
  s.services.set('other/reviews', service({ namespace: 'other' }));
};

describe('describeDeployment', () => {
  it('records an image change with the services selecting its pods', () => {
    const e = describeDeployment(deployment(), deployment({ images: ['docker.io/istio/examples-bookinfo-reviews-v1:1.21.0'] }), ctxWith(withServices));
    expect(e).toEqual({
      at: AT, cluster: 'c1', category: 'workload', kind: 'Deployment', namespace: 'bookinfo', name: 'reviews-v1', action: 'changed',
      summary: 'Deployment bookinfo/reviews-v1 changed: images[0] docker.io/istio/…ples-bookinfo-reviews-v1:1.20.1 → docker.io/istio/…ples-bookinfo-reviews-v1:1.21.0',
      diff: [{ path: 'images[0]', before: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.1', after: 'docker.io/istio/examples-bookinfo-reviews-v1:1.21.0' }],
      services: ['bookinfo/reviews', 'bookinfo/reviews-v1'],
    });
  });

  it('records spec replicas and template labels; a label change names the services of both label sets', () => {
    expect(describeDeployment(deployment(), deployment({ replicas: 5 }), ctxWith())?.diff).toEqual([{ path: 'replicas', before: 2, after: 5 }]);
    const e = describeDeployment(deployment(), deployment({ templateLabels: { app: 'reviews', version: 'v2' } }), ctxWith(withServices));
    expect(e?.diff).toEqual([{ path: 'templateLabels.version', before: 'v1', after: 'v2' }]);
    expect(e?.services).toEqual(['bookinfo/reviews', 'bookinfo/reviews-v1', 'bookinfo/reviews-v2']);
  });

  it('is quiet on ready and available counts and on Deployment labels', () => {
    expect(describeDeployment(deployment(), deployment({ readyReplicas: 0, availableReplicas: 1, labels: { app: 'x' } }), ctxWith())).toBeUndefined();
  });

  it('records creation and deletion', () => {
    const created = describeDeployment(undefined, deployment(), ctxWith(withServices));
    expect(created).toMatchObject({ action: 'created', summary: 'Deployment bookinfo/reviews-v1 created', services: ['bookinfo/reviews', 'bookinfo/reviews-v1'] });
    expect(created?.diff.map((f) => f.path)).toEqual(['images', 'replicas', 'templateLabels']);
    expect(describeDeployment(deployment(), undefined, ctxWith())).toMatchObject({ action: 'deleted', diff: [{ path: 'images' }, { path: 'replicas', before: 2 }, { path: 'templateLabels' }] });
  });

  it('selectingServices matches whole selectors in the namespace only', () => {
    const ctx = ctxWith(withServices);
    expect(selectingServices(ctx.store, 'bookinfo', [{ app: 'reviews' }])).toEqual(['bookinfo/reviews']);
    expect(selectingServices(ctx.store, 'nowhere', [{ app: 'reviews' }])).toEqual([]);
  });
});
