import { describe, expect, it } from 'vitest';
import { builtinKinds, type AnyRecord } from '../clusters/kinds';
import { addServiceRef, ClusterStore } from './cluster-store';

const [, , slices, pods] = builtinKinds();
const slice = (name: string, service: string, podNames: string[]) => ({ namespace: 'ns', name, service, endpoints: podNames.map((pod) => ({ ready: true, pod })) }) as AnyRecord;
const pod = (name: string) => ({ namespace: 'ns', name, labels: {}, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: 'w' }, hasProxy: false, annotations: {} }) as AnyRecord;
const serviceKeys = (keys: string[]) => keys.filter((k) => k.startsWith('services/')).sort();

describe('ClusterStore pod -> services index', () => {
  it('keeps a bare name for one slice of one service, and counts beyond that', () => {
    expect(addServiceRef(undefined, 'a', 1)).toBe('a');
    expect(addServiceRef('a', 'a', -1)).toBeUndefined();
    const two = addServiceRef('a', 'b', 1);
    expect(two).toEqual(new Map([['a', 1], ['b', 1]]));
    expect(addServiceRef(two, 'b', -1)).toBe('a');
    expect(addServiceRef(addServiceRef('a', 'a', 1), 'a', -1)).toBe('a');
    expect(addServiceRef(undefined, 'a', -1)).toBeUndefined();
  });

  it('names the services of a pod when the pod changes, as slices come, move and go', () => {
    const st = new ClusterStore('c');
    st.set(pods!, 'ns/p1', pod('p1'));
    st.set(slices!, 'ns/a-1', slice('a-1', 'a', ['p1', 'p2']));
    expect(serviceKeys(st.set(pods!, 'ns/p1', { ...pod('p1'), ready: false } as AnyRecord))).toEqual(['services/ns/a']);
    st.set(slices!, 'ns/b-1', slice('b-1', 'b', ['p1']));
    st.set(slices!, 'ns/a-2', slice('a-2', 'a', ['p1']));
    expect(serviceKeys(st.set(pods!, 'ns/p1', pod('p1')))).toEqual(['services/ns/a', 'services/ns/b']);
    // One of two slices of a gone: the pod still belongs to a.
    st.set(slices!, 'ns/a-2', undefined);
    st.set(slices!, 'ns/b-1', slice('b-1', 'b', ['p2']));
    expect(serviceKeys(st.set(pods!, 'ns/p1', { ...pod('p1'), ready: false } as AnyRecord))).toEqual(['services/ns/a']);
    st.set(slices!, 'ns/a-1', undefined);
    expect(serviceKeys(st.set(pods!, 'ns/p1', pod('p1')))).toEqual([]);
    st.set(slices!, 'ns/b-1', undefined);
    expect(st.podServices.size).toBe(0);
  });
});
