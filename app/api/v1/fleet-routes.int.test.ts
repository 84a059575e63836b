/**
 * The fleet route handlers, called as Next calls them (a Request, and a params
 * promise for dynamic segments), against the runtime started from a config
 * file that points at the simulated demo fleet's kubeconfig.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from '@/server/sim/runtime';
import { stopAppRuntime } from '@/server/runtime/app-runtime';
import { apiErrorSchema, fleetResponseSchema } from '@/lib/api/envelope';
import { clusterDetailSchema, clusterListSchema } from '@/lib/fleet/clusters';
import { pageSchema } from '@/lib/fleet/paging';
import { serviceDetailSchema, serviceSummarySchema } from '@/lib/fleet/services';
import { workloadGroupSchema } from '@/lib/fleet/workloads';
import { controlPlaneSchema, proxyStatusSchema } from '@/lib/fleet/controlplanes';
import { configDetailSchema, configSummarySchema } from '@/lib/fleet/config';
import { GET as clustersGet } from './clusters/route';
import { GET as clusterGet } from './clusters/[name]/route';
import { GET as servicesGet } from './services/route';
import { GET as serviceGet } from './services/[namespace]/[name]/route';
import { GET as workloadsGet } from './workloads/route';
import { GET as controlPlanesGet } from './controlplanes/route';
import { GET as proxiesGet } from './proxies/route';
import { GET as configGet } from './config/route';
import { GET as configObjectGet } from './config/[cluster]/[group]/[kind]/[namespace]/[name]/route';
import { GET as eventsGet } from './events/route';
import { GET as identitiesGet } from './identities/route';
import { GET as identityGet } from './identities/[name]/route';
import { identitySchema } from '@/lib/fleet/identities';
import { call, readSse, tempConfig, until } from './route-test-support';

let sim: SimFleet;
let cfg: ReturnType<typeof tempConfig>;
let expiredKubeconfig: string;

/** The config: the sim's kubeconfig (minus `exclude`), and sources that cannot work, each for its own reason. */
function configText(exclude: string[]): string {
  return `log: {level: silent}
clusters:
  kubeconfigs:
    - path: ${JSON.stringify(sim.kubeconfigPath)}
      exclude: ${JSON.stringify(['*-restricted', ...exclude])}
    - path: ./missing-kubeconfig.yaml
  remoteSecrets:
    - kubeconfig: ${JSON.stringify(expiredKubeconfig)}
      context: us-east-1
    - kubeconfig: ./missing-home.yaml
  staleAfterSeconds: 4
  istiodPollSeconds: 1
  requestTimeoutSeconds: 8
`;
}
const clusterList = fleetResponseSchema(clusterListSchema);
const serviceList = fleetResponseSchema(pageSchema(serviceSummarySchema));

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  cfg = tempConfig('');
  // The home cluster's token, expired: the remote-secret source must say unauthorized, not just offer nothing.
  expiredKubeconfig = join(dirname(cfg.file), 'expired.yaml');
  writeFileSync(expiredKubeconfig, sim.kubeconfig.replaceAll(sim.cluster('us-east-1').adminToken, 'expired-token'));
  cfg.write(configText([]));
  // Before the first getAppRuntime(): the runtime reads the config once, on first use.
  process.env.MESHGLASS_CONFIG = cfg.file;
  process.env.MESHGLASS_CONFIG_POLL_MS = '250';
  await until(async () => {
    const { status, body } = await call(clustersGet, '/api/v1/clusters');
    return status === 200 && Object.values(clusterList.parse(body).clusters).filter((c) => c.state === 'ok').length === sim.clusters.length;
  }, 40_000, 'every cluster ok through /api/v1/clusters');
});

afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  delete process.env.MESHGLASS_CONFIG_POLL_MS;
  await sim?.stop();
  cfg?.remove();
});

/** Asserts a 400 whose zod issues name `path`. */
function expectBadInput(r: { status: number; body: unknown }, path?: string): void {
  expect(r.status).toBe(400);
  const err = apiErrorSchema.parse(r.body);
  expect(err.error.code).toBe('bad_request');
  expect(err.error.issues?.length).toBeGreaterThan(0);
  if (path) expect(err.error.issues?.map((i) => i.path)).toContain(path);
}

describe('fleet routes', () => {
  it('GET /clusters: the envelope, every cluster with state and data age', async () => {
    const r = await call(clustersGet, '/api/v1/clusters');
    expect(r.status).toBe(200);
    expect(r.res.headers.get('x-request-id')).toBeTruthy();
    const env = clusterList.parse(r.body);
    expect(Object.keys(env.clusters).sort()).toEqual(sim.clusters.map((c) => c.name).sort());
    for (const c of Object.values(env.clusters)) expect(c.dataAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(env.revision).toBeGreaterThan(0);
    expect(Date.parse(env.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(env.data.meshes.map((m) => m.id).sort()).toEqual(['prod', 'staging']);
  });

  it('GET /clusters/{name}: one cluster, 404 when unknown, 400 or 404 for odd names', async () => {
    const ok = await call(clusterGet, '/api/v1/clusters/us-east-1', { name: 'us-east-1' });
    const detail = fleetResponseSchema(clusterDetailSchema).parse(ok.body).data;
    expect(detail.name).toBe('us-east-1');
    // The list has the remote secrets' count only; the detail has them.
    const listed = clusterList.parse((await call(clustersGet, '/api/v1/clusters')).body).data.items.find((c) => c.name === 'us-east-1')!;
    expect(detail.remoteSecrets.length).toBeGreaterThan(0);
    expect(listed.remoteSecretCount).toBe(detail.remoteSecrets.length);
    expect(listed).not.toHaveProperty('remoteSecrets');
    expect((await call(clusterGet, '/api/v1/clusters/nope', { name: 'nope' })).status).toBe(404);
    expect((await call(clusterGet, '/api/v1/clusters/x', { name: '../../etc/passwd' })).status).toBe(404);
    expectBadInput(await call(clusterGet, '/api/v1/clusters/x', { name: 'a'.repeat(10_000) }), 'name');
    expectBadInput(await call(clusterGet, '/api/v1/clusters/x', { name: 'a b\n' }), 'name');
    expectBadInput(await call(clusterGet, '/api/v1/clusters/x', { name: '' }), 'name');
  });

  it('GET /services: pages add up to the total, sort both ways, filters', async () => {
    const all = serviceList.parse((await call(servicesGet, '/api/v1/services?pageSize=500')).body).data;
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 7); page++) {
      const p = serviceList.parse((await call(servicesGet, `/api/v1/services?pageSize=7&page=${page}`)).body).data;
      expect(p.total).toBe(all.total);
      seen.push(...p.items.map((s) => `${s.kind}/${s.namespace}/${s.name}`));
    }
    expect(seen).toEqual(all.items.map((s) => `${s.kind}/${s.namespace}/${s.name}`));
    const desc = serviceList.parse((await call(servicesGet, '/api/v1/services?pageSize=500&sort=-name')).body).data;
    expect(desc.items.map((s) => s.name)).toEqual(all.items.map((s) => s.name).reverse());
    const payments = serviceList.parse((await call(servicesGet, '/api/v1/services?namespace=payments&q=LEDGER')).body).data;
    expect(payments.items.map((s) => s.name)).toEqual(['ledger-db']);
    const west = serviceList.parse((await call(servicesGet, '/api/v1/services?cluster=eu-central-1&pageSize=500')).body).data;
    expect(west.items.every((s) => s.clusters.includes('eu-central-1'))).toBe(true);
    const beyond = serviceList.parse((await call(servicesGet, '/api/v1/services?page=999')).body).data;
    expect(beyond).toMatchObject({ items: [], total: all.total, page: 999 });
  });

  it('GET /services: one row per mesh, namespace and name; ?mesh= keeps one mesh', async () => {
    const rows = serviceList.parse((await call(servicesGet, '/api/v1/services?q=bookinfo/reviews&kind=Service')).body).data.items;
    // reviews runs in all three prod clusters and in staging: two services, side by side in name order.
    expect(rows.map((s) => [s.mesh, s.namespace, s.name, s.clusters])).toEqual([
      ['prod', 'bookinfo', 'reviews', ['eu-central-1', 'us-east-1', 'us-west-2']],
      ['staging', 'bookinfo', 'reviews', ['staging-us-east-1']],
    ]);
    const staging = serviceList.parse((await call(servicesGet, '/api/v1/services?mesh=staging&pageSize=500')).body).data;
    expect(staging.total).toBeGreaterThan(0);
    expect(staging.items.every((s) => s.mesh === 'staging' && s.clusters.every((c) => c === 'staging-us-east-1'))).toBe(true);
    expect(staging.items.some((s) => s.name === 'reviews')).toBe(true);
    const prod = serviceList.parse((await call(servicesGet, '/api/v1/services?mesh=prod&namespace=bookinfo')).body).data;
    expect(prod.items.map((s) => s.mesh)).toEqual(prod.items.map(() => 'prod'));
    expect(serviceList.parse((await call(servicesGet, '/api/v1/services?mesh=nope')).body).data.total).toBe(0);
    expectBadInput(await call(servicesGet, `/api/v1/services?mesh=${'m'.repeat(300)}`), 'mesh');
  });

  it('GET /services/{namespace}/{name}: one mesh\'s service; ?mesh=, or the mesh of ?cluster=, else the first', async () => {
    const detail = async (qs: string) => {
      const r = await call(serviceGet, `/api/v1/services/bookinfo/reviews${qs}`, { namespace: 'bookinfo', name: 'reviews' });
      return r.status === 200 ? serviceDetailSchema.parse((r.body as { data: unknown }).data) : r.status;
    };
    const meshes = [{ mesh: 'prod', clusters: ['eu-central-1', 'us-east-1', 'us-west-2'] }, { mesh: 'staging', clusters: ['staging-us-east-1'] }];
    expect(await detail('')).toMatchObject({ mesh: 'prod', clusters: meshes[0]!.clusters, meshes });
    const stg = await detail('?mesh=staging');
    expect(stg).toMatchObject({ mesh: 'staging', clusters: ['staging-us-east-1'], meshes });
    expect(typeof stg === 'object' && stg.instances.map((i) => i.cluster)).toEqual(['staging-us-east-1']);
    expect(await detail('?cluster=staging-us-east-1')).toMatchObject({ mesh: 'staging' });
    expect(await detail('?cluster=us-west-2')).toMatchObject({ mesh: 'prod' });
    expect(await detail('?mesh=dev')).toBe(404);
  });

  it('GET /services: 400 with zod issues for an unknown param, a bad pageSize or sort', async () => {
    expectBadInput(await call(servicesGet, '/api/v1/services?bogus=1'));
    expectBadInput(await call(servicesGet, '/api/v1/services?pageSize=0'), 'pageSize');
    expectBadInput(await call(servicesGet, '/api/v1/services?pageSize=501'), 'pageSize');
    expectBadInput(await call(servicesGet, '/api/v1/services?pageSize=ten'), 'pageSize');
    expectBadInput(await call(servicesGet, '/api/v1/services?sort=size'), 'sort');
    expectBadInput(await call(servicesGet, `/api/v1/services?q=${'x'.repeat(201)}`), 'q');
    expectBadInput(await call(workloadsGet, '/api/v1/workloads?page=-1'), 'page');
    expectBadInput(await call(proxiesGet, '/api/v1/proxies?state=BROKEN'), 'state');
    expectBadInput(await call(controlPlanesGet, '/api/v1/controlplanes?revision=x'));
    expectBadInput(await call(configGet, '/api/v1/config?pageSize=1e9'), 'pageSize');
  });

  it('GET /services/{namespace}/{name}: the merged service, 404 when unknown, odd params refused', async () => {
    const ok = await call(serviceGet, '/api/v1/services/payments/payments', { namespace: 'payments', name: 'payments' });
    expect(serviceDetailSchema.parse((ok.body as { data: unknown }).data).clusters).toEqual(['us-east-1', 'us-west-2']);
    expect((await call(serviceGet, '/x', { namespace: 'payments', name: 'nope' })).status).toBe(404);
    expect((await call(serviceGet, '/x', { namespace: 'nope', name: 'payments' })).status).toBe(404);
    for (const [namespace, name] of [['..%2Fetc', 'passwd'], ['../etc', 'passwd'], ['payments', '../payments'], ['payments/payments', 'x'], ['payments', 'a'.repeat(5000)], ['PAYMENTS', 'payments']]) {
      const r = await call(serviceGet, '/x', { namespace: namespace!, name: name! });
      expect(r.status, `${namespace}/${name}`).toBe(400);
    }
  });

  it('GET /workloads, /controlplanes, /proxies: envelopes with totals', async () => {
    const w = fleetResponseSchema(pageSchema(workloadGroupSchema)).parse((await call(workloadsGet, '/api/v1/workloads?pageSize=3')).body);
    expect(w.data.items).toHaveLength(3);
    expect(w.data.total).toBeGreaterThan(3);
    await until(async () => {
      const cps = fleetResponseSchema(controlPlaneSchema.array()).parse((await call(controlPlanesGet, '/api/v1/controlplanes')).body);
      return cps.data.some((cp) => cp.poll.state === 'ok' && cp.proxies.total > 0);
    }, 15_000, 'a polled control plane');
    const one = fleetResponseSchema(controlPlaneSchema.array()).parse((await call(controlPlanesGet, '/api/v1/controlplanes?cluster=us-west-2')).body);
    expect(one.data.map((cp) => cp.revision).sort()).toEqual(['1-31-canary', 'default']);
    const p = fleetResponseSchema(pageSchema(proxyStatusSchema)).parse((await call(proxiesGet, '/api/v1/proxies?pageSize=2')).body);
    expect(p.data.items.length).toBeLessThanOrEqual(2);
    expect(p.data.total).toBeGreaterThan(0);
  });

  it('GET /config and /config/{cluster}/{group}/{kind}/{namespace}/{name}', async () => {
    const list = fleetResponseSchema(pageSchema(configSummarySchema)).parse((await call(configGet, '/api/v1/config?kind=VirtualService&cluster=us-east-1')).body).data;
    const vs = list.items.find((o) => o.namespace === 'payments' && o.name === 'payments');
    expect(vs).toBeDefined();
    const ref = { cluster: 'us-east-1', group: 'networking.istio.io', kind: 'VirtualService', namespace: 'payments', name: 'payments' };
    const one = await call(configObjectGet, '/x', ref);
    expect(one.status).toBe(200);
    expect(fleetResponseSchema(configDetailSchema).parse(one.body).data.spec).toMatchObject({ hosts: ['payments.payments.svc.cluster.local'] });
    expect((await call(configObjectGet, '/x', { ...ref, name: 'nope' })).status).toBe(404);
    expect((await call(configObjectGet, '/x', { ...ref, cluster: 'nope' })).status).toBe(404);
    expect((await call(configObjectGet, '/x', { ...ref, kind: 'Gateway' })).status).toBe(404);
    expectBadInput(await call(configObjectGet, '/x', { ...ref, group: '../..' }), 'group');
    expectBadInput(await call(configObjectGet, '/x', { ...ref, namespace: '..' }), 'namespace');
    expectBadInput(await call(configObjectGet, '/x', { ...ref, name: `a${'.b'.repeat(300)}` }), 'name');
    expectBadInput(await call(configObjectGet, '/x', { ...ref, extra: 'x' }));
  });

  it('GET /identities and /identities/{name}: the demo fleet\'s Admiral identities and the greeting GTP', async () => {
    const list = fleetResponseSchema(pageSchema(identitySchema)).parse((await call(identitiesGet, '/api/v1/identities?env=stage')).body).data;
    expect(list.items.map((i) => i.name)).toEqual(['stage.greeting.global', 'stage.webapp.global']);
    const g = fleetResponseSchema(identitySchema).parse((await call(identityGet, '/x', { name: 'stage.greeting.global' })).body).data;
    expect(g.clusters).toEqual(['us-east-1', 'us-west-2']);
    expect(g.endpoints.every((e) => e.readyPods > 0 && e.gateway?.port === 15443)).toBe(true);
    // The sim rewrites the sample's us-east-2 target to us-east-1: 80/20 failover between the two regions.
    expect(g.trafficPolicies).toEqual([expect.objectContaining({ host: 'stage.greeting.global', lbType: 'failover', targets: [{ region: 'us-west-2', weight: 80, clusters: ['us-west-2'] }, { region: 'us-east-1', weight: 20, clusters: ['us-east-1'] }] })]);
    expect(g.dependencies.dependents).toContain('webapp');
    expect(g.dependencies.dependentClusters).toEqual(['us-east-1']);
    expect((await call(identityGet, '/x', { name: 'prod.greeting.global' })).status).toBe(404);
    expectBadInput(await call(identityGet, '/x', { name: '../stage.greeting.global' }), 'name');
    expectBadInput(await call(identitiesGet, '/api/v1/identities?sort=name'));
  });

  it('GET /events: text/event-stream that delivers a change', async () => {
    const ac = new AbortController();
    const r = await call(eventsGet, '/api/v1/events', undefined, { signal: ac.signal });
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    sim.applyYaml('us-west-2', 'apiVersion: v1\nkind: Service\nmetadata: {name: route-probe, namespace: payments}\nspec: {ports: [{name: http, port: 80}], selector: {app: route-probe}}\n');
    const text = await readSse(r.res.body!, 'services/payments/route-probe', 5000);
    ac.abort();
    expect(text).toMatch(/event: hello\n/);
    expect(text).toContain('services/payments/route-probe');
    const svc = await call(serviceGet, '/x', { namespace: 'payments', name: 'route-probe' });
    expect(svc.status).toBe(200);
  });

  it('GET /events: a GTP edit goes out as identities/<global name> and the identity shows the new weights', async () => {
    const ac = new AbortController();
    const r = await call(eventsGet, '/api/v1/events', undefined, { signal: ac.signal });
    sim.applyYaml('us-east-1', `apiVersion: admiral.io/v1alpha1
kind: GlobalTrafficPolicy
metadata: {name: gtp-service1, namespace: sample, annotations: {admiral.io/env: stage}, labels: {identity: greeting}}
spec: {policy: [{dnsPrefix: default, lbType: 1, target: [{region: us-east-1, weight: 90}, {region: us-west-2, weight: 10}]}]}
`);
    const text = await readSse(r.res.body!, 'identities/stage.greeting.global', 5000);
    ac.abort();
    expect(text).toContain('identities/stage.greeting.global');
    const g = fleetResponseSchema(identitySchema).parse((await call(identityGet, '/x', { name: 'stage.greeting.global' })).body).data;
    expect(g.trafficPolicies[0]?.targets).toEqual([{ region: 'us-east-1', weight: 90, clusters: ['us-east-1'] }, { region: 'us-west-2', weight: 10, clusters: ['us-west-2'] }]);
  });

  it('GET /clusters: every source with its state, reason and clusters', async () => {
    await until(async () => clusterList.parse((await call(clustersGet, '/api/v1/clusters')).body).data.sources.every((x) => x.state !== 'syncing'), 15_000, 'every source tried');
    const { data } = clusterList.parse((await call(clustersGet, '/api/v1/clusters')).body);
    const [sim4, missing, expired, noHome] = data.sources;
    expect(sim4).toMatchObject({ kind: 'kubeconfig', state: 'ok', clusters: sim.clusters.map((c) => c.name).sort() });
    expect(missing).toMatchObject({ kind: 'kubeconfig', state: 'error', clusters: [], reason: expect.stringContaining('file not found') });
    expect(expired).toMatchObject({ kind: 'remote-secrets', state: 'unauthorized', clusters: [], reason: expect.stringMatching(/home cluster us-east-1: 401/) });
    expect(noHome).toMatchObject({ kind: 'remote-secrets', state: 'error', reason: expect.stringContaining('missing-home.yaml') });
    expect(data.config).toMatchObject({ file: cfg.file, state: 'ok' });
  });

  it('reloads the config file: a dropped context leaves, a bad edit is refused and shown, the context comes back', async () => {
    const names = async () => {
      const env = clusterList.parse((await call(clustersGet, '/api/v1/clusters')).body);
      return { names: Object.keys(env.clusters).sort(), config: env.data.config, env };
    };
    const conn = () => (globalThis as Record<symbol, { fleet?: { manager: { connection(n: string): unknown } } }>)[Symbol.for('meshglass.app-runtime')]?.fleet?.manager.connection('us-east-1');
    const before = conn();
    cfg.write(configText(['eu-central-1']));
    await until(async () => !(await names()).names.includes('eu-central-1'), 10_000, 'eu-central-1 gone after the edit');
    // The other clusters' connections carried on: same object, no reconnect.
    expect(conn()).toBe(before);
    expect((await names()).names).toEqual(['staging-us-east-1', 'us-east-1', 'us-west-2']);
    cfg.write('clusters:\n  kubeconfigz: []\n');
    await until(async () => (await names()).config?.state === 'error', 10_000, 'the bad edit refused');
    const refused = await names();
    expect(refused.config?.error).toContain('unknown field "kubeconfigz"');
    expect(refused.names).toHaveLength(3);
    cfg.write(configText([]));
    await until(async () => (await names()).names.includes('eu-central-1'), 10_000, 'eu-central-1 back');
    expect((await names()).config?.state).toBe('ok');
    await until(async () => (await names()).env.clusters['eu-central-1']?.state === 'ok', 20_000, 'eu-central-1 ok again');
  });
});
