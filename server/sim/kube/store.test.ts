import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KubeApiError } from './errors';
import { jsonOf } from './object-utils';
import { vendorPath } from '../../vendor/vendor-path';
import { createClusterStore } from './store';
import type { KubeObject, StoreEvent } from './types';
import { loadManifestFile } from './yaml-loader';
import { installVendoredCrds } from './vendored-crds';

const cm = (name: string, data: Record<string, string> = {}, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

function withIstio() {
  const store = createClusterStore();
  installVendoredCrds(store);
  return store;
}

describe('MemoryClusterStore', () => {
  it('assigns uid, resourceVersion, creationTimestamp and generation', () => {
    const s = createClusterStore();
    const a = s.apply(cm('a', { x: '1' }));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.resourceVersion).toBe('1');
    expect(a.metadata.generation).toBe(1);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const b = s.apply(cm('a', { x: '2' }));
    expect(b.metadata.uid).toBe(a.metadata.uid);
    expect(b.metadata.resourceVersion).toBe('2');
    expect(b.metadata.generation).toBe(2);
    expect(s.resourceVersion).toBe(2);
  });

  it('returns frozen objects callers cannot mutate', () => {
    const s = createClusterStore();
    s.apply(cm('a', { x: '1' }));
    const got = s.get('v1', 'ConfigMap', 'default', 'a')!;
    expect(() => ((got.data as Record<string, string>).x = 'mutated')).toThrow();
    expect(s.list('v1', 'ConfigMap')[0]?.data).toEqual({ x: '1' });
  });

  it('merge-patches (RFC 7386), deletes, and emits events', () => {
    const s = createClusterStore();
    const events: StoreEvent[] = [];
    s.subscribe((e) => events.push(e));
    s.apply(cm('a', { x: '1', y: '2' }));
    const p = s.mergePatch('v1', 'ConfigMap', 'default', 'a', { data: { x: null, z: '3' }, metadata: { labels: { app: 'a' } } });
    expect(p.data).toEqual({ y: '2', z: '3' });
    expect(p.metadata.labels).toEqual({ app: 'a' });
    expect(s.delete('v1', 'ConfigMap', 'default', 'a')).toBe(true);
    expect(s.delete('v1', 'ConfigMap', 'default', 'a')).toBe(false);
    expect(events.map((e) => [e.type, e.resourceVersion])).toEqual([
      ['ADDED', 1],
      ['MODIFIED', 2],
      ['DELETED', 3],
    ]);
    expect(() => s.mergePatch('v1', 'ConfigMap', 'default', 'gone', {})).toThrow(/not found/);
  });

  it('lists by namespace, cluster-wide, and cluster-scoped', () => {
    const s = createClusterStore();
    s.apply(cm('b', {}, 'ns2'));
    s.apply(cm('a', {}, 'ns1'));
    s.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1', namespace: 'ignored' } });
    expect(s.list('v1', 'ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(s.list('v1', 'ConfigMap', 'ns2').map((o) => o.metadata.name)).toEqual(['b']);
    expect(s.get('v1', 'Namespace', undefined, 'ns1')?.metadata.namespace).toBeUndefined();
  });

  it('create/update enforce AlreadyExists, NotFound and Conflict', () => {
    const s = createClusterStore();
    s.create(cm('a'));
    expect(() => s.create(cm('a'))).toThrow(expect.objectContaining({ code: 409, reason: 'AlreadyExists' }));
    expect(() => s.update(cm('nope'))).toThrow(expect.objectContaining({ code: 404 }));
    const stale = { ...cm('a'), metadata: { name: 'a', namespace: 'default', resourceVersion: '999' } };
    expect(() => s.update(stale)).toThrow(expect.objectContaining({ code: 409, reason: 'Conflict' }));
  });

  it('keeps a bounded history and reports expiry', () => {
    const s = createClusterStore({ historyLimit: 10 });
    for (let i = 0; i < 30; i++) s.apply(cm(`c${i}`));
    expect(s.history.since(29)?.length).toBe(1);
    expect(s.history.since(1)).toBeUndefined();
    expect(s.history.size).toBeLessThanOrEqual(11);
  });

  it('keeps each stored object frozen with its JSON, copied from the input (frozen parts shared)', () => {
    const s = createClusterStore();
    const shared = Object.freeze({ big: 'schema' });
    const input = { ...cm('a', { x: '1' }), spec: { shared, list: [{ n: 1 }] } };
    const a = s.apply(input);
    input.spec.list[0]!.n = 2;
    input.metadata.name = 'renamed';
    expect(Object.isFrozen(a) && Object.isFrozen(a.metadata) && Object.isFrozen((a.spec as { list: object[] }).list[0])).toBe(true);
    expect((a.spec as { list: Array<{ n: number }> }).list[0]?.n).toBe(1);
    expect((a.spec as { shared: object }).shared).toBe(shared);
    expect(jsonOf(a).toString()).toBe(JSON.stringify(a));
    expect(Object.keys(a)).toEqual(['apiVersion', 'kind', 'metadata', 'data', 'spec']);
    const b = s.apply(cm('a', { x: '2' }));
    expect(JSON.parse(jsonOf(b).toString())).toEqual(JSON.parse(JSON.stringify(b)));
    expect(jsonOf(s.get('v1', 'ConfigMap', 'default', 'a')!).toString()).toContain('"x":"2"');
  });

  it('serves sorted views until the kind changes, and the current view for an older rv the kind has not changed since', () => {
    const s = createClusterStore();
    s.apply(cm('b'));
    s.apply(cm('a', {}, 'z'));
    s.apply(cm('a'));
    const v1 = s.sorted('v1', 'ConfigMap')!;
    expect(v1.keys).toEqual(['default/a', 'default/b', 'z/a']);
    const rv = s.resourceVersion;
    s.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other-kind' } });
    expect(s.sorted('v1', 'ConfigMap')).toBe(v1);
    expect(s.sortedAt('v1', 'ConfigMap', undefined, rv)).toBe(v1);
    expect(s.sorted('v1', 'ConfigMap', 'z')?.keys).toEqual(['z/a']);
    s.delete('v1', 'ConfigMap', 'default', 'b');
    expect(s.list('v1', 'ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'a']);
    expect(s.sortedAt('v1', 'ConfigMap', undefined, rv)?.keys).toEqual(['default/a', 'default/b', 'z/a']);
  });

  it('rebuilds an older list snapshot from history (continue tokens)', () => {
    const s = createClusterStore();
    s.apply(cm('a', { v: '1' }));
    s.apply(cm('b'));
    const rv = s.resourceVersion;
    s.apply(cm('a', { v: '2' }));
    s.delete('v1', 'ConfigMap', 'default', 'b');
    s.apply(cm('c'));
    const at = s.listAt('v1', 'ConfigMap', undefined, rv)!;
    expect(at.map((o) => [o.metadata.name, o.data])).toEqual([
      ['a', { v: '1' }],
      ['b', {}],
    ]);
  });

  it('registers Istio and Admiral CRDs and serves every served version', () => {
    const s = withIstio();
    const vs = s.types().filter((t) => t.kind === 'VirtualService').map((t) => t.version);
    expect(vs).toEqual(expect.arrayContaining(['v1', 'v1beta1', 'v1alpha3']));
    expect(s.typeByPlural('admiral.io', 'v1alpha1', 'globaltrafficpolicies')?.namespaced).toBe(true);
    // One object, served at every version.
    s.apply({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r', namespace: 'x' }, spec: { hosts: ['r'] } });
    expect(s.get('networking.istio.io/v1beta1', 'VirtualService', 'x', 'r')?.apiVersion).toBe('networking.istio.io/v1beta1');
  });

  it('accepts every real Istio and Admiral sample', () => {
    const s = withIstio();
    const dirs = [vendorPath('istio', 'samples', 'bookinfo'), vendorPath('istio', 'samples', 'helloworld'), vendorPath('admiral', 'samples')];
    const files = [...dirs.flatMap((d) => readdirSync(d).map((f) => `${d}/${f}`)), vendorPath('istio', 'samples', 'expose-istiod.yaml')];
    let n = 0;
    for (const f of files) {
      for (const o of loadManifestFile(f)) {
        if (o.kind.includes('CustomResourceDefinition')) continue;
        s.apply(o);
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  it('rejects an invalid VirtualService with the field path', () => {
    const s = withIstio();
    const bad = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'bad', namespace: 'x' }, spec: { hosts: 'not-a-list' } };
    try {
      s.apply(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KubeApiError);
      const err = e as KubeApiError;
      expect(err.code).toBe(422);
      expect(err.details?.causes?.[0]?.field).toBe('spec.hosts');
      expect(err.message).toContain('VirtualService.networking.istio.io "bad" is invalid: spec.hosts');
    }
    const badNested = { ...bad, spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', port: { number: 'eighty' } } }] }] } };
    expect(() => s.apply(badNested)).toThrow(/spec\.http\[0\]\.route\[0\]\.destination\.port\.number/);
  });

  it('deleting a CRD removes its kinds and objects', () => {
    const s = withIstio();
    s.apply({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'g', namespace: 'x' }, spec: {} });
    s.delete('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, 'gateways.networking.istio.io');
    expect(s.typeOf('networking.istio.io/v1', 'Gateway')).toBeUndefined();
  });
});
