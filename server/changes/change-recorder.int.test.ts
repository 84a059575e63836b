import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { AnalysisEngine } from '../analysis/engine';
import { ClusterManager } from '../clusters/cluster-manager';
import type { ConnectionOptions } from '../clusters/connection';
import { KubeconfigFileSource } from '../clusters/sources/kubeconfig-source';
import { FleetModel } from '../fleet/model';
import type { ChangeInput } from '../history/types';
import type { KubeObject } from '../sim/kube/types';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { startChangeRecorder } from './change-recorder';

const OPTS: ConnectionOptions = { staleAfterMs: 10_000, requestTimeoutMs: 4000, istiodPollMs: 1000, backoff: { baseMs: 100, maxMs: 500 }, rediscoverMs: 600_000 };
const EAST = 'us-east-1';

/** Polls until check() is true; fails with `what` after ms. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sim: SimFleet;
let model: FleetModel;
let manager: ClusterManager;
let engine: AnalysisEngine;
let recorder: { stop(): void };
let dir: string;
let kubeconfigFile: string;
const entries: ChangeInput[] = [];

const line = (e: ChangeInput) => `${e.cluster} ${e.category} ${e.action} ${e.kind} ${e.namespace ?? '-'}/${e.name}`;
/** Entries recorded from index `mark` on, findings left out unless asked for. */
const since = (mark: number, withFindings = false) => entries.slice(mark).filter((e) => withFindings || e.category !== 'finding');
const phase = (c: string) => model.cluster(c)?.view.condition(Date.now()).phase;

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  dir = mkdtempSync(join(tmpdir(), 'meshglass-recorder-'));
  kubeconfigFile = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfigFile, sim.kubeconfig);
  model = new FleetModel();
  engine = new AnalysisEngine(model, { debounceMs: 50, maxWaitMs: 500 }).start();
  // Started before any cluster is known: the initial sync goes through it.
  recorder = startChangeRecorder(model, { record: (batch) => entries.push(...batch) }, { analysis: () => engine });
  manager = new ClusterManager([new KubeconfigFileSource(kubeconfigFile, { contexts: ['*'], exclude: ['*-restricted'], overrides: {} }, 200)], model, OPTS);
  await manager.start();
  await until(() => sim.clusters.every((c) => phase(c.name) === 'ok'), 30_000, 'every cluster ok');
  await until(() => sim.clusters.every((c) => [...(model.cluster(c.name)?.controlPlanes.values() ?? [])].some((p) => p.state === 'ok')), 20_000, 'istiod polled everywhere');
  // A few polls and analysis runs more: whatever they show is the baseline.
  await engine.runSliced();
  await sleep(2500);
});

afterAll(async () => {
  recorder?.stop();
  manager?.stop();
  engine?.stop();
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('change recorder against the simulated demo fleet', () => {
  it('records nothing for the initial sync of four clusters', () => {
    expect(model.cluster(EAST)!.store.config.size).toBeGreaterThan(0);
    expect(entries.map(line)).toEqual([]);
  });

  it('records a config object created, changed (not status-only) and deleted, with paths and services', async () => {
    const mark = entries.length;
    const store = sim.cluster(EAST).store;
    sim.applyYaml(EAST, `
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: recorder-reviews, namespace: bookinfo }
spec:
  host: reviews.bookinfo.svc.cluster.local
  subsets:
  - { name: v1, labels: { version: v1 } }
  - { name: v2, labels: { version: v2 } }
`);
    await until(() => since(mark).length >= 1, 10_000, 'the create');
    store.mergePatch('networking.istio.io/v1', 'DestinationRule', 'bookinfo', 'recorder-reviews', { status: { observedGeneration: 1 } });
    const dr = structuredClone(store.get('networking.istio.io/v1', 'DestinationRule', 'bookinfo', 'recorder-reviews')!) as KubeObject & { spec: { subsets: Array<{ labels: Record<string, string> }> } };
    dr.spec.subsets[1]!.labels.version = 'v3';
    store.apply(dr);
    await until(() => since(mark).length >= 2, 10_000, 'the change');
    store.delete('networking.istio.io/v1', 'DestinationRule', 'bookinfo', 'recorder-reviews');
    await until(() => since(mark).length >= 3, 10_000, 'the delete');
    await sleep(300);

    const got = since(mark);
    expect(got.map(line)).toEqual([
      `${EAST} config created DestinationRule bookinfo/recorder-reviews`,
      `${EAST} config changed DestinationRule bookinfo/recorder-reviews`,
      `${EAST} config deleted DestinationRule bookinfo/recorder-reviews`,
    ]);
    expect(got[1]!.diff).toEqual([{ path: 'spec.subsets[1].labels.version', before: 'v2', after: 'v3' }]);
    expect(got[1]!.summary).toBe('DestinationRule bookinfo/recorder-reviews changed: spec.subsets[1].labels.version v2 → v3');
    for (const e of got) expect(e.services).toEqual(['bookinfo/reviews']);
    expect(Date.parse(got[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records a Deployment image and a Service port change, not ready counts; a namespace only for mesh labels', async () => {
    const mark = entries.length;
    const store = sim.cluster(EAST).store;
    const dep = structuredClone(store.get('apps/v1', 'Deployment', 'bookinfo', 'reviews-v1')!) as KubeObject & { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
    const oldImage = dep.spec.template.spec.containers[0]!.image;
    store.mergePatch('apps/v1', 'Deployment', 'bookinfo', 'reviews-v1', { status: { readyReplicas: 0, availableReplicas: 0 } });
    dep.spec.template.spec.containers[0]!.image = 'example.com/reviews:recorder';
    store.apply(dep);
    await until(() => since(mark).length >= 1, 10_000, 'the Deployment change');

    const svc = structuredClone(store.get('v1', 'Service', 'bookinfo', 'reviews')!) as KubeObject & { spec: { ports: Array<Record<string, unknown>> } };
    svc.spec.ports.unshift({ name: 'grpc-recorder', port: 9090, protocol: 'TCP', targetPort: 9090 });
    store.apply(svc);
    await until(() => since(mark).length >= 2, 10_000, 'the Service change');

    store.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'recorder-ns', labels: { team: 'a' } } });
    await sleep(500);
    store.mergePatch('v1', 'Namespace', undefined, 'recorder-ns', { metadata: { labels: { team: 'b' } } });
    await sleep(500);
    store.mergePatch('v1', 'Namespace', undefined, 'recorder-ns', { metadata: { labels: { 'istio-injection': 'enabled' } } });
    await until(() => since(mark).length >= 3, 10_000, 'the Namespace change');
    await sleep(300);

    const got = since(mark);
    expect(got.map(line)).toEqual([`${EAST} workload changed Deployment bookinfo/reviews-v1`, `${EAST} service changed Service bookinfo/reviews`, `${EAST} namespace changed Namespace recorder-ns/recorder-ns`]);
    expect(got[0]!.diff).toEqual([{ path: 'images[0]', before: oldImage, after: 'example.com/reviews:recorder' }]);
    expect(got[0]!.services).toEqual(['bookinfo/reviews']);
    expect(got[1]!.diff).toEqual([{ path: 'ports[0]', after: { name: 'grpc-recorder', port: 9090, protocol: 'TCP', targetPort: 9090 } }]);
    expect(got[1]!.services).toEqual(['bookinfo/reviews']);
    expect(got[2]!.diff).toEqual([{ path: 'labels.istio-injection', after: 'enabled' }]);
  });

  it('records a finding appearing and clearing', async () => {
    const mark = entries.length;
    sim.applyYaml(EAST, `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: recorder-vs, namespace: bookinfo }
spec:
  hosts: [ratings]
  gateways: [recorder-missing-gateway]
  http: [{ route: [{ destination: { host: ratings } }] }]
`);
    const finding = (action: string) => (e: ChangeInput) => e.category === 'finding' && e.kind === 'IST0101' && e.name === 'recorder-vs' && e.action === action;
    await until(() => since(mark, true).some(finding('created')), 15_000, 'IST0101 appearing');
    sim.cluster(EAST).store.delete('networking.istio.io/v1', 'VirtualService', 'bookinfo', 'recorder-vs');
    await until(() => since(mark, true).some(finding('deleted')), 15_000, 'IST0101 clearing');

    const got = since(mark, true).filter((e) => e.name === 'recorder-vs');
    // IST0132 too: the host is not one the (missing) gateway serves.
    expect(got.map(line)).toEqual([
      `${EAST} config created VirtualService bookinfo/recorder-vs`,
      `${EAST} finding created IST0101 bookinfo/recorder-vs`,
      `${EAST} finding created IST0132 bookinfo/recorder-vs`,
      `${EAST} config deleted VirtualService bookinfo/recorder-vs`,
      `${EAST} finding deleted IST0101 bookinfo/recorder-vs`,
      `${EAST} finding deleted IST0132 bookinfo/recorder-vs`,
    ]);
    expect(got[1]!.summary).toContain('IST0101 ReferencedResourceNotFound appeared on VirtualService bookinfo/recorder-vs');
    expect(got[1]!.services).toEqual(['bookinfo/ratings']);
  });

  it('records the config-churn scenario\'s weight changes in every cluster holding the VirtualService', async () => {
    const mark = entries.length;
    await sim.setScenario('config-churn');
    await until(() => new Set(since(mark).map((e) => e.cluster)).size >= 2, 12_000, 'churn in two clusters');
    await sim.setScenario('healthy');
    await sleep(1000);
    const got = since(mark);
    expect(got.length).toBeGreaterThan(0);
    for (const e of got) {
      expect(line(e)).toMatch(/^(us-east-1|us-west-2) config changed VirtualService payments\/payments$/);
      expect(e.diff.length).toBeGreaterThan(0);
      for (const f of e.diff) expect(f.path).toMatch(/^spec\.http\[0\]\.route\[\d\]\.weight$/);
      expect(e.services).toContain('payments/payments');
    }
  });

  it('a relist after missed events records them; the outage is two cluster transitions', async () => {
    const mark = entries.length;
    const c = sim.cluster(EAST);
    await c.api.setFaults({ refuseConnections: true });
    await until(() => phase(EAST) === 'unreachable', 20_000, `${EAST} unreachable`);
    // Written while nobody watches: only the relist after reconnecting can see it.
    c.store.apply({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'while-down', namespace: 'bookinfo' }, spec: { host: 'details' } });
    await c.api.setFaults({ refuseConnections: false });
    await until(() => phase(EAST) === 'ok' && since(mark).some((e) => e.name === 'while-down'), 20_000, `${EAST} back with the missed object`);
    await sleep(300);

    const got = since(mark);
    const cluster = got.filter((e) => e.category === 'cluster');
    expect(cluster[0]!.summary).toMatch(/^ok → unreachable/);
    expect(cluster.at(-1)!.summary).toMatch(/→ ok/);
    expect(cluster.every((e) => e.cluster === EAST && e.kind === 'Cluster' && e.namespace === undefined)).toBe(true);
    expect(got.filter((e) => e.category !== 'cluster').map(line)).toEqual([`${EAST} config created DestinationRule bookinfo/while-down`]);
    expect(got.find((e) => e.name === 'while-down')!.services).toEqual(['bookinfo/details']);
  });

  it('a cluster leaving the fleet is one entry, not a delete per object', async () => {
    const mark = entries.length;
    const kc = parseYaml(sim.kubeconfig) as { contexts: Array<{ name: string }> };
    kc.contexts = kc.contexts.filter((x) => x.name !== 'eu-central-1');
    writeFileSync(kubeconfigFile, toYaml(kc));
    await until(() => !model.cluster('eu-central-1'), 15_000, 'eu-central-1 removed');
    await sleep(500);
    const got = since(mark).filter((e) => e.cluster === 'eu-central-1');
    expect(got.map((e) => `${line(e)}: ${e.summary}`)).toEqual(['eu-central-1 cluster deleted Cluster -/eu-central-1: removed from the fleet']);
  });
});
