import { describe, expect, it } from 'vitest';
import { compareVersions } from './discovery';
import { applyJsonPatch } from './json-patch';
import { mergePatch } from './merge-patch';
import { parsePath } from './routing';
import { fieldMatcher, labelMatcher } from './selectors';
import type { KubeObject } from './types';

const obj = (labels: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', labels },
  ...extra,
});

describe('parsePath', () => {
  it('parses core, grouped, namespaced, cluster-scoped and subresource paths', () => {
    expect(parsePath('/api/v1/namespaces/a/pods')).toEqual({ kind: 'resource', group: '', version: 'v1', plural: 'pods', namespace: 'a', name: undefined, subresource: undefined });
    expect(parsePath('/api/v1/namespaces/a')).toMatchObject({ kind: 'resource', plural: 'namespaces', name: 'a' });
    expect(parsePath('/api/v1/namespaces/a/status')).toMatchObject({ plural: 'namespaces', name: 'a', subresource: 'status' });
    expect(parsePath('/apis/apps/v1/namespaces/x/deployments/d/status')).toMatchObject({ group: 'apps', plural: 'deployments', namespace: 'x', name: 'd', subresource: 'status' });
    expect(parsePath('/apis/networking.istio.io/v1/virtualservices')).toMatchObject({ group: 'networking.istio.io', plural: 'virtualservices' });
    expect(parsePath('/apis/apps')).toEqual({ kind: 'group', group: 'apps' });
    expect(parsePath('/api')).toEqual({ kind: 'api' });
    expect(parsePath('/version')).toEqual({ kind: 'version' });
    expect(parsePath('/api/v2/pods').kind).toBe('unknown');
    expect(parsePath('/api/v1/%E0%A4%A').kind).toBe('unknown');
  });
});

describe('selectors', () => {
  it('matches label selectors', () => {
    const o = obj({ app: 'web', tier: 'front' });
    expect(labelMatcher('app=web')(o)).toBe(true);
    expect(labelMatcher('app==web,tier!=back')(o)).toBe(true);
    expect(labelMatcher('app in (api, web),tier')(o)).toBe(true);
    expect(labelMatcher('app notin (web)')(o)).toBe(false);
    expect(labelMatcher('!tier')(o)).toBe(false);
    expect(labelMatcher('!missing')(o)).toBe(true);
    expect(() => labelMatcher('a b c')).toThrow(/unable to parse/);
  });

  it('matches field selectors', () => {
    const o = obj({}, { status: { phase: 'Running' } });
    expect(fieldMatcher('metadata.name=p,metadata.namespace==ns')(o)).toBe(true);
    expect(fieldMatcher('metadata.namespace!=ns')(o)).toBe(false);
    expect(fieldMatcher('status.phase=Running')(o)).toBe(true);
  });
});

describe('patches and versions', () => {
  it('merge patch follows RFC 7386', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({ a: 'z', c: { d: 'e' } });
    expect(mergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
  });

  it('JSON patch applies add/remove/replace/move/copy/test', () => {
    const doc = { a: { b: 1 }, l: [1, 2] };
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/l/-', value: 3 },
      { op: 'replace', path: '/a/b', value: 2 },
      { op: 'copy', from: '/a', path: '/c' },
      { op: 'move', from: '/c/b', path: '/d' },
      { op: 'remove', path: '/l/0' },
      { op: 'test', path: '/d', value: 2 },
    ]);
    expect(out).toEqual({ a: { b: 2 }, l: [2, 3], c: {}, d: 2 });
    expect(doc).toEqual({ a: { b: 1 }, l: [1, 2] });
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/a/b', value: 9 }])).toThrow(/test operation failed/);
  });

  it('orders API versions as Kubernetes does', () => {
    expect(['v1alpha3', 'v1beta1', 'v1', 'v2beta1', 'v1alpha1'].sort(compareVersions)).toEqual(['v1', 'v2beta1', 'v1beta1', 'v1alpha3', 'v1alpha1']);
  });
});
