import { describe, expect, it } from 'vitest';
import { changeKeys, parseChangeKey } from './change-keys';

describe('change keys', () => {
  it('read back what the builders write', () => {
    expect(parseChangeKey(changeKeys.config('c1', { group: '', kind: 'Gateway', namespace: '', name: 'g' }))).toEqual({ kind: 'config', cluster: 'c1', group: 'core', configKind: 'Gateway', namespace: undefined, name: 'g' });
    expect(parseChangeKey(changeKeys.config('c1', { group: 'networking.istio.io', kind: 'VirtualService', namespace: 'shop', name: 'r' }))).toMatchObject({ cluster: 'c1', configKind: 'VirtualService', namespace: 'shop', name: 'r' });
    expect(parseChangeKey(changeKeys.workload('c1', 'shop', 'cart'))).toEqual({ kind: 'workloads', cluster: 'c1', namespace: 'shop', name: 'cart' });
    expect(parseChangeKey(changeKeys.service('shop', 'cart'))).toEqual({ kind: 'services', namespace: 'shop', name: 'cart' });
    expect(parseChangeKey(changeKeys.identity('stage.greeting.global'))).toEqual({ kind: 'identities', name: 'stage.greeting.global' });
    expect(parseChangeKey(changeKeys.namespace('c1', 'shop'))).toEqual({ kind: 'namespaces', cluster: 'c1', namespace: 'shop' });
  });

  it('read prefixes as keys that stop early, and unknown kinds as other', () => {
    expect(parseChangeKey('config/c1/networking.istio.io')).toEqual({ kind: 'config', cluster: 'c1', group: 'networking.istio.io', configKind: undefined, namespace: undefined, name: undefined });
    expect(parseChangeKey('workloads/c1')).toEqual({ kind: 'workloads', cluster: 'c1', namespace: undefined, name: undefined });
    expect(parseChangeKey('services')).toEqual({ kind: 'services', namespace: undefined, name: undefined });
    expect(parseChangeKey('meshes')).toEqual({ kind: 'meshes' });
    expect(parseChangeKey('bogus/x')).toEqual({ kind: 'other', key: 'bogus/x' });
  });
});
