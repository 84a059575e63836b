import { describe, expect, it } from 'vitest';
import { parseConfigState, parseServicesState, parseTopologyState, serialiseConfigState, serialiseServicesState, serialiseTopologyState } from './url-state';

describe('services URL state', () => {
  it('round-trips and drops defaults', () => {
    const st = parseServicesState(new URLSearchParams('q=rev&cluster=us-east-1&sort=-endpoints&kind=Service'));
    expect(st).toEqual({ q: 'rev', cluster: 'us-east-1', namespace: undefined, kind: 'Service', sort: '-endpoints' });
    expect(serialiseServicesState(st)).toBe('?q=rev&cluster=us-east-1&kind=Service&sort=-endpoints');
    expect(serialiseServicesState({ sort: 'name' })).toBe('');
    expect(serialiseServicesState(parseServicesState(new URLSearchParams('mesh=staging&q=rev')))).toBe('?q=rev&mesh=staging');
  });

  it('falls back on bad values instead of throwing', () => {
    expect(parseServicesState({ sort: 'rm -rf', kind: 'Pod', q: '' })).toEqual({ q: undefined, cluster: undefined, namespace: undefined, kind: undefined, sort: 'name' });
    expect(parseServicesState({ q: ['a', 'b'] }).q).toBe('a');
  });

  it('escapes values', () => {
    expect(serialiseServicesState({ q: 'a b&c', sort: 'name' })).toBe('?q=a+b%26c');
    expect(parseServicesState(new URLSearchParams('q=a+b%26c')).q).toBe('a b&c');
  });
});

describe('config URL state', () => {
  it('round-trips', () => {
    const q = '?kind=VirtualService&namespace=bookinfo&object=networking.istio.io%2FVirtualService%2Fbookinfo%2Freviews';
    expect(serialiseConfigState(parseConfigState(new URLSearchParams(q)))).toBe(q);
  });
});

describe('topology URL state', () => {
  it('has defaults', () => {
    expect(parseTopologyState({})).toEqual({ clusters: [], namespaces: [], graphType: 'workload', window: '1m', hideIdle: false, layout: 'fcose', label: 'rate', focus: undefined });
    expect(serialiseTopologyState(parseTopologyState({}))).toBe('');
  });

  it('parses lists, dedupes them and round-trips choices', () => {
    const st = parseTopologyState(new URLSearchParams('clusters=us-east-1,us-west-2,us-east-1&hideIdle=true&layout=elk&label=p95&graphType=app&window=5m&focus=x'));
    expect(st.clusters).toEqual(['us-east-1', 'us-west-2']);
    expect(serialiseTopologyState(st)).toBe('?clusters=us-east-1%2Cus-west-2&graphType=app&window=5m&hideIdle=true&layout=elk&label=p95&focus=x');
    expect(parseTopologyState({ layout: 'cose', label: 'x', window: '7m' })).toMatchObject({ layout: 'fcose', label: 'rate', window: '1m' });
  });
});

describe('services health filter and telemetry sorts', () => {
  it('round-trips a health filter and a signal sort, and drops an unknown health', () => {
    const st = parseServicesState(new URLSearchParams('health=degraded&sort=-errors'));
    expect(st).toMatchObject({ health: 'degraded', sort: '-errors' });
    expect(serialiseServicesState(st)).toBe('?health=degraded&sort=-errors');
    expect(parseServicesState(new URLSearchParams('health=sick')).health).toBeUndefined();
  });
});

describe('services data-plane filter', () => {
  it('round-trips a mode and drops an unknown one', () => {
    const st = parseServicesState(new URLSearchParams('dataplane=ambient&namespace=shop'));
    expect(st.dataplane).toBe('ambient');
    expect(serialiseServicesState(st)).toBe('?namespace=shop&dataplane=ambient');
    expect(parseServicesState(new URLSearchParams('dataplane=istio')).dataplane).toBeUndefined();
  });
});
