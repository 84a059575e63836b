import { describe, expect, it } from 'vitest';
import { describeNamespace } from './describe-namespace';
import { AT, ctxWith, namespace } from './__fixtures__/records';

describe('describeNamespace', () => {
  it('records an injection label change', () => {
    expect(describeNamespace(namespace('bookinfo', { 'istio-injection': 'enabled' }), namespace('bookinfo', { 'istio.io/rev': '1-31' }), ctxWith())).toEqual({
      at: AT, cluster: 'c1', category: 'namespace', kind: 'Namespace', namespace: 'bookinfo', name: 'bookinfo', action: 'changed',
      summary: 'Namespace bookinfo changed: labels.istio-injection removed (+1 more)',
      diff: [{ path: 'labels.istio-injection', before: 'enabled' }, { path: 'labels["istio.io/rev"]', after: '1-31' }],
      services: [],
    });
  });

  it('records ambient labels', () => {
    const e = describeNamespace(namespace('a'), namespace('a', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }), ctxWith());
    expect(e?.diff.map((f) => f.path)).toEqual(['labels["istio.io/dataplane-mode"]', 'labels["istio.io/use-waypoint"]']);
  });

  it('is quiet on unrelated labels, and on namespaces without mesh labels coming and going', () => {
    expect(describeNamespace(namespace('a', { team: 'x', 'istio-injection': 'enabled' }), namespace('a', { team: 'y', 'istio-injection': 'enabled' }), ctxWith())).toBeUndefined();
    expect(describeNamespace(undefined, namespace('a', { team: 'x' }), ctxWith())).toBeUndefined();
    expect(describeNamespace(namespace('a'), undefined, ctxWith())).toBeUndefined();
  });

  it('records a meshed namespace created or deleted', () => {
    expect(describeNamespace(undefined, namespace('a', { 'istio-injection': 'enabled' }), ctxWith())).toMatchObject({ action: 'created', summary: 'Namespace a created: labels.istio-injection set to enabled' });
    expect(describeNamespace(namespace('a', { 'istio-injection': 'enabled' }), undefined, ctxWith())).toMatchObject({ action: 'deleted' });
  });
});
