import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/analysis/types';
import type { AnalysisEngine, AnalysisSnapshot } from '../analysis/engine';
import type { ClusterCondition } from '../clusters/cluster-state';
import { builtinKinds, configKind, type AnyRecord, type KindSpec } from '../clusters/kinds';
import type { ClusterLiveView, ControlPlanePoll } from '../fleet/cluster-entry';
import { FleetModel } from '../fleet/model';
import type { ChangeInput } from '../history/types';
import { startChangeRecorder } from './change-recorder';
import { deployment, destinationRule, namespace, service } from './__fixtures__/records';

const kinds = new Map(builtinKinds().map((k) => [k.role, k]));
const spec = (role: string) => kinds.get(role as KindSpec['role'])!;
const drKind = configKind('networking.istio.io', 'v1', 'DestinationRule', 'destinationrules', true);
const tick = () => new Promise((r) => setImmediate(r));
const NOW = new Date('2026-03-04T05:06:07.089Z');

function liveView(): ClusterLiveView & { cond: Partial<ClusterCondition> } {
  const v = {
    cond: { phase: 'syncing' } as Partial<ClusterCondition>,
    condition: (): ClusterCondition => ({ phase: 'ok', syncedKinds: 1, totalKinds: 1, forbiddenKinds: [], dataAgeSeconds: 0, ...v.cond }),
    skipped: () => ({ count: 0, oversized: 0 }),
    kubernetesVersion: () => undefined,
  };
  return v;
}

function fakeEngine() {
  let snapshot: AnalysisSnapshot = { findings: [] };
  const listeners = new Set<(s: AnalysisSnapshot) => void>();
  const engine = { current: () => snapshot, subscribe: (fn: (s: AnalysisSnapshot) => void) => (listeners.add(fn), () => listeners.delete(fn)) } as unknown as AnalysisEngine;
  const publish = (findings: Finding[], revision: number) => {
    snapshot = { findings, revision };
    for (const l of listeners) l(snapshot);
  };
  return { engine, publish, listeners };
}

function setup(withEngine = false) {
  const model = new FleetModel();
  const view = liveView();
  model.upsertCluster({ name: 'c1', displayName: 'c1', source: 'test' }, view);
  const batches: ChangeInput[][] = [];
  const fake = fakeEngine();
  const rec = startChangeRecorder(model, { record: (b) => batches.push(b) }, { now: () => NOW, analysis: withEngine ? () => fake.engine : undefined });
  const entries = () => batches.flat();
  const lines = () => entries().map((e) => `${e.category} ${e.action} ${e.kind} ${e.namespace ?? '-'}/${e.name}`);
  /** The initial sync of the usual kinds, then the cluster settles. */
  const sync = () => {
    model.replaceKind('c1', spec('namespaces'), new Map([['bookinfo', namespace('bookinfo', { 'istio-injection': 'enabled' }) as AnyRecord]]));
    model.replaceKind('c1', spec('services'), new Map([['bookinfo/reviews', service() as AnyRecord]]));
    model.replaceKind('c1', spec('deployments'), new Map([['bookinfo/reviews-v1', deployment() as AnyRecord]]));
    model.replaceKind('c1', spec('pods'), new Map());
    model.replaceKind('c1', drKind, new Map([['bookinfo/reviews', destinationRule() as AnyRecord]]));
    view.cond = {};
    model.clusterChanged('c1');
  };
  return { model, view, rec, batches, entries, lines, sync, fake };
}

describe('startChangeRecorder', () => {
  it('records nothing for the initial sync, then watch events with time, cluster and services', async () => {
    const { model, rec, entries, sync } = setup();
    sync();
    await tick();
    expect(entries()).toEqual([]);
    model.apply('c1', drKind, 'bookinfo/reviews', destinationRule({ resourceVersion: '11' }, { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v3' } }] }) as AnyRecord);
    await tick();
    expect(entries()).toEqual([
      {
        at: NOW.toISOString(), cluster: 'c1', category: 'config', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews', action: 'changed',
        summary: 'DestinationRule bookinfo/reviews changed: spec.subsets[1].labels.version v2 → v3', diff: [{ path: 'spec.subsets[1].labels.version', before: 'v2', after: 'v3' }], services: ['bookinfo/reviews'],
      },
    ]);
    rec.stop();
  });

  it('is quiet on noise: status-only config writes, ready counts, pods, Secrets', async () => {
    const { model, rec, entries, sync } = setup();
    sync();
    model.apply('c1', drKind, 'bookinfo/reviews', destinationRule({ resourceVersion: '12', status: { validationMessages: [] } }) as AnyRecord);
    model.apply('c1', spec('deployments'), 'bookinfo/reviews-v1', deployment({ readyReplicas: 0 }) as AnyRecord);
    model.apply('c1', spec('pods'), 'bookinfo/p', { namespace: 'bookinfo', name: 'p', labels: {}, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: 'reviews-v1' }, hasProxy: true, annotations: {} } as AnyRecord);
    model.apply('c1', spec('secrets'), 'istio-system/s', { namespace: 'istio-system', name: 's', type: 'Opaque', labels: {}, annotations: {}, dataKeys: ['token'] } as AnyRecord);
    await tick();
    expect(entries()).toEqual([]);
    rec.stop();
  });

  it('a relist records what it finds different, in one batch; a deletion is deleted', async () => {
    const { model, rec, batches, lines, sync } = setup();
    sync();
    model.replaceKind('c1', spec('services'), new Map([['bookinfo/reviews', service({ type: 'NodePort' }) as AnyRecord], ['bookinfo/ratings', service({ name: 'ratings' }) as AnyRecord]]));
    await tick();
    model.apply('c1', drKind, 'bookinfo/reviews', undefined);
    await tick();
    expect(lines()).toEqual(['service changed Service bookinfo/reviews', 'service created Service bookinfo/ratings', 'config deleted DestinationRule bookinfo/reviews']);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    rec.stop();
  });

  it('a Deployment change names the Services selecting its pods', async () => {
    const { model, rec, entries, sync } = setup();
    sync();
    model.apply('c1', spec('deployments'), 'bookinfo/reviews-v1', deployment({ images: ['reviews:2'] }) as AnyRecord);
    await tick();
    expect(entries()[0]).toMatchObject({ category: 'workload', diff: [{ path: 'images[0]', after: 'reviews:2' }], services: ['bookinfo/reviews'] });
    rec.stop();
  });

  it('a kind that turns forbidden is not a delete of each object', async () => {
    const { model, view, rec, entries, sync } = setup();
    sync();
    view.cond = { forbiddenKinds: ['Service'] };
    model.replaceKind('c1', spec('services'), new Map());
    await tick();
    expect(entries()).toEqual([]);
    rec.stop();
  });

  it('records cluster state transitions, control planes, and a removed cluster as one entry', async () => {
    const { model, view, rec, lines, entries, sync } = setup();
    sync();
    const poll = (revision: string, version: string): ControlPlanePoll => ({ revision, namespace: 'istio-system', state: 'ok', version, proxies: [], clusters: [], gateways: [] });
    model.setControlPlanes('c1', [poll('default', '1.30.3')]);
    model.setControlPlanes('c1', [poll('default', '1.31.0')]);
    view.cond = { phase: 'unreachable', reason: 'ECONNREFUSED' };
    model.clusterChanged('c1');
    model.clusterChanged('c1');
    model.removeCluster('c1');
    await tick();
    expect(lines()).toEqual(['controlplane changed ControlPlane istio-system/default', 'cluster changed Cluster -/c1', 'cluster deleted Cluster -/c1']);
    expect(entries().map((e) => e.summary)).toEqual(['control plane revision default: version 1.30.3 → 1.31.0', 'ok → unreachable: ECONNREFUSED', 'removed from the fleet']);
    rec.stop();
  });

  it('records findings appearing and clearing once the cluster has synced; not those of its initial sync', async () => {
    const { model, rec, fake, lines, entries, sync } = setup(true);
    const f = (id: string): Finding => ({ id, code: 'IST0101', name: 'ReferencedResourceNotFound', level: 'Error', message: 'm', objects: [{ cluster: 'c1', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' }], clusters: ['c1'], fix: '' });
    fake.publish([], 0);
    fake.publish([f('early')], model.revision);
    sync();
    // A run that read the model before the cluster had synced, then the first that read all of it: both the baseline.
    fake.publish([f('early'), f('stale-run')], model.revision - 1);
    fake.publish([f('early'), f('stale-run'), f('first-full')], model.revision);
    await tick();
    expect(lines()).toEqual([]);
    fake.publish([f('first-full'), f('new')], model.revision);
    await tick();
    expect(lines()).toEqual(['finding deleted IST0101 bookinfo/reviews', 'finding deleted IST0101 bookinfo/reviews', 'finding created IST0101 bookinfo/reviews']);
    expect(entries().map((e) => e.summary.split(' ').slice(2, 3)[0])).toEqual(['cleared', 'cleared', 'appeared']);
    rec.stop();
    expect(fake.listeners.size).toBe(0);
  });

  it('stop() hands over what is pending and records nothing after', async () => {
    const { model, rec, entries, sync } = setup();
    sync();
    model.apply('c1', spec('services'), 'bookinfo/x', service({ name: 'x' }) as AnyRecord);
    rec.stop();
    expect(entries()).toHaveLength(1);
    model.apply('c1', spec('services'), 'bookinfo/y', service({ name: 'y' }) as AnyRecord);
    await tick();
    expect(entries()).toHaveLength(1);
  });

  it('a sink that throws loses its batch, not the recorder', async () => {
    const model = new FleetModel();
    model.upsertCluster({ name: 'c1', displayName: 'c1', source: 'test' }, liveView());
    const errors: unknown[] = [];
    let calls = 0;
    const rec = startChangeRecorder(model, { record: () => { calls++; throw new Error('store down'); } }, { onError: (e) => errors.push(e) });
    model.replaceKind('c1', spec('services'), new Map());
    model.apply('c1', spec('services'), 'bookinfo/x', service({ name: 'x' }) as AnyRecord);
    await tick();
    model.apply('c1', spec('services'), 'bookinfo/y', service({ name: 'y' }) as AnyRecord);
    await tick();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
    rec.stop();
  });
});
