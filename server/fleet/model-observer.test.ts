import { describe, expect, it } from 'vitest';
import type { ClusterCondition } from '../clusters/cluster-state';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import type { ClusterLiveView, ControlPlanePoll } from './cluster-entry';
import { FleetModel, type FleetObserver, type RecordChange } from './model';

const [, services, , pods] = builtinKinds();
const vsKind = configKind('networking.istio.io', 'v1', 'VirtualService', 'virtualservices', true);
const svc = (name: string, port = 80) => ({ namespace: 'ns', name, type: 'ClusterIP', ports: [{ port, protocol: 'TCP' }], labels: {}, externalAddresses: [] }) as AnyRecord;
const vs = (name: string, rv: string) => ({ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', namespace: 'ns', name, resourceVersion: rv, labels: {}, annotations: {}, spec: {} }) as AnyRecord;
const poll = (revision: string, version: string): ControlPlanePoll => ({ revision, namespace: 'istio-system', state: 'ok', version, proxies: [], clusters: [], gateways: [] });

/** A live view whose forbidden and not-served kinds the test sets. */
function view(cond: Partial<ClusterCondition> = {}): ClusterLiveView & { cond: Partial<ClusterCondition> } {
  const v = {
    cond,
    condition: (): ClusterCondition => ({ phase: 'ok', syncedKinds: 1, totalKinds: 1, forbiddenKinds: [], dataAgeSeconds: 0, ...v.cond }),
    skipped: () => ({ count: 0, oversized: 0 }),
    kubernetesVersion: () => undefined,
  };
  return v;
}

function observed(v = view()) {
  const m = new FleetModel();
  m.upsertCluster({ name: 'a', displayName: 'a', source: 'test' }, v);
  const records: RecordChange[] = [];
  const calls: string[] = [];
  const o: FleetObserver = {
    recordChanged: (c) => records.push(c),
    controlPlanesChanged: (c, before, after) => calls.push(`cp ${c} ${[...before.keys()].join(',')} -> ${[...after.keys()].join(',')}`),
    clusterChanged: (c) => calls.push(`changed ${c}`),
    clusterRemoved: (c) => calls.push(`removed ${c}`),
  };
  const stop = m.observe(o);
  const summary = () => records.map((r) => `${r.cause} ${r.spec.kind} ${r.key} ${r.before ? 'B' : '-'}${r.after ? 'A' : '-'}`);
  return { m, v, records, calls, stop, summary };
}

describe('FleetModel observers', () => {
  it('tell a first list apart from a relist and from watch events', () => {
    const { m, summary } = observed();
    m.replaceKind('a', services!, new Map([['ns/a', svc('a')], ['ns/b', svc('b')]]));
    m.apply('a', services!, 'ns/a', svc('a', 81));
    // Unchanged records of a relist are not reported; changed, new and gone ones are.
    m.replaceKind('a', services!, new Map([['ns/a', svc('a', 81)], ['ns/c', svc('c')]]));
    m.apply('a', services!, 'ns/a', undefined);
    expect(summary()).toEqual([
      'initial Service ns/a -A',
      'initial Service ns/b -A',
      'event Service ns/a BA',
      'relist Service ns/b B-',
      'relist Service ns/c -A',
      'event Service ns/a B-',
    ]);
  });

  it('tracks first lists per kind and per cluster, and a cluster re-added starts over', () => {
    const { m, summary } = observed();
    m.replaceKind('a', services!, new Map([['ns/a', svc('a')]]));
    m.replaceKind('a', pods!, new Map());
    m.removeCluster('a');
    m.upsertCluster({ name: 'a', displayName: 'a', source: 'test' }, view());
    m.replaceKind('a', services!, new Map([['ns/a', svc('a', 82)]]));
    expect(summary()).toEqual(['initial Service ns/a -A', 'initial Service ns/a -A']);
  });

  it('a kind emptied because it became forbidden is dropped, not deleted, and its next list is a first one', () => {
    const { m, v, summary } = observed();
    m.replaceKind('a', services!, new Map([['ns/a', svc('a')]]));
    v.cond = { forbiddenKinds: ['Service'] };
    m.replaceKind('a', services!, new Map());
    v.cond = {};
    m.replaceKind('a', services!, new Map([['ns/a', svc('a')]]));
    // An empty relist of a readable kind is a real loss of every object.
    m.replaceKind('a', services!, new Map());
    expect(summary()).toEqual(['initial Service ns/a -A', 'dropped Service ns/a B-', 'initial Service ns/a -A', 'relist Service ns/a B-']);
  });

  it('a config kind dropped (CRD gone) reports its records as dropped; its next list is a first one', () => {
    const { m, summary } = observed();
    m.replaceKind('a', vsKind, new Map([['ns/r', vs('r', '1')]]));
    m.dropConfigKind('a', vsKind);
    m.replaceKind('a', vsKind, new Map([['ns/r', vs('r', '2')]]));
    m.replaceKind('a', vsKind, new Map([['ns/r', vs('r', '2')]]));
    expect(summary()).toEqual(['initial VirtualService ns/r -A', 'dropped VirtualService ns/r B-', 'initial VirtualService ns/r -A']);
  });

  it('reports control-plane polls with the previous ones, cluster state changes and removal', () => {
    const { m, calls } = observed();
    m.setControlPlanes('a', [poll('default', '1.30.3')]);
    m.setControlPlanes('a', [poll('default', '1.30.3'), poll('canary', '1.31.0')]);
    m.clusterChanged('a');
    m.clusterChanged('unknown');
    m.removeCluster('a');
    expect(calls).toEqual(['cp a  -> default', 'cp a default -> default,canary', 'changed a', 'removed a']);
  });

  it('an observer that throws does not stop the write or the other observers; a removed one hears nothing', () => {
    const { m, records, stop, summary } = observed();
    m.observe({ recordChanged: () => { throw new Error('bug'); } });
    m.apply('a', services!, 'ns/a', svc('a'));
    expect(m.cluster('a')!.store.services.has('ns/a')).toBe(true);
    expect(summary()).toEqual(['event Service ns/a -A']);
    stop();
    m.apply('a', services!, 'ns/b', svc('b'));
    expect(records).toHaveLength(1);
  });
});
