import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigFor } from '../sim/kube/kubeconfig';
import { ADMIN, startTestCluster, TOKENS, waitFor, type TestCluster } from '../sim/kube/test-support';
import { FleetModel } from '../fleet/model';
import { ClusterManager } from './cluster-manager';
import { ClusterConnection, type ConnectionOptions } from './connection';
import { KubeconfigFileSource } from './sources/kubeconfig-source';

const OPTS: ConnectionOptions = { staleAfterMs: 4000, requestTimeoutMs: 2000, istiodPollMs: 60_000, backoff: { baseMs: 100, maxMs: 1000 }, rediscoverMs: 600_000 };
const NO_SECRETS = 'no-secrets-token';
const MUTABLE = 'mutable-token';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const wasm = (name: string) => ({ apiVersion: 'extensions.istio.io/v1alpha1', kind: 'WasmPlugin', metadata: { name, namespace: 'istio-system' }, spec: { url: 'oci://example/plugin:1' } });
const remoteSecret = (peer: string) => ({
  apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
  metadata: { name: `istio-remote-secret-${peer}`, namespace: 'istio-system', labels: { 'istio/multiCluster': 'true' } },
  data: { [peer]: Buffer.from('kubeconfig').toString('base64') },
});

/** Samples a condition every 20 ms for `ms`; returns each distinct "phase: reason" seen. */
async function phasesOver(read: () => { phase: string; reason?: string }, ms: number): Promise<string[]> {
  const seen: string[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const c = read();
    const s = `${c.phase}: ${c.reason ?? ''}`;
    if (seen.at(-1) !== s) seen.push(s);
    await new Promise((r) => setTimeout(r, 20));
  }
  return seen;
}

describe('one kind failing, against the simulated API server', () => {
  let c: TestCluster;
  /** Every plural the cluster serves but secrets: a token that may read everything else. */
  let allButSecrets: NonNullable<(typeof TOKENS)[number]['rules']>;
  const cleanups: Array<() => void | Promise<void>> = [];
  beforeAll(async () => {
    const probe = await startTestCluster({}, true);
    const plurals = [...new Set(probe.store.types().map((t) => t.plural))].filter((p) => p !== 'secrets');
    await probe.server.stop();
    allButSecrets = [{ resources: plurals, namespaces: ['*'], verbs: ['get', 'list', 'watch'] }];
    c = await startTestCluster({ tokens: [...TOKENS, { token: NO_SECRETS, user: 'no-secrets', rules: allButSecrets }, { token: MUTABLE, user: 'mutable' }] }, true);
    c.store.apply(ns('istio-system'));
    c.store.apply(remoteSecret('peer-1'));
  });
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  afterAll(async () => {
    await c?.server.stop();
  });

  const connect = async (token: string) => {
    const model = new FleetModel();
    model.upsertCluster({ name: 'test', displayName: 'test', source: 'test' });
    const conn = new ClusterConnection('test', c.kc(token), model, OPTS);
    model.upsertCluster({ name: 'test', displayName: 'test', source: 'test' }, conn);
    cleanups.push(() => conn.stop());
    conn.start();
    await waitFor(() => conn.condition(Date.now()).phase === 'ok', 15_000, 'ok');
    return { model, conn };
  };

  it('a CRD deleted at run time drops its kind quietly: the cluster stays ok and says the kind is not served', async () => {
    c.store.apply(wasm('auth-filter'));
    const { model, conn } = await connect(ADMIN);
    const store = model.cluster('test')!.store;
    await waitFor(() => [...store.config.values()].some((t) => [...t.values()].some((o) => o.kind === 'WasmPlugin')), 5000, 'the WasmPlugin in the model');

    c.store.delete('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, 'wasmplugins.extensions.istio.io');
    // Well past a watch lifetime (2 s here) and its re-watch, yet long before the next discovery.
    const seen = await phasesOver(() => conn.condition(Date.now()), 5000);
    expect(seen).toEqual(['ok: ']);
    const cond = conn.condition(Date.now());
    expect(cond.notServedKinds).toEqual(['WasmPlugin']);
    expect([...store.config.values()].some((t) => [...t.values()].some((o) => o.kind === 'WasmPlugin'))).toBe(false);
  });

  it('a credential change to a token that may not list Secrets drops the old connection\'s secrets and reports the kind, not the cluster, as forbidden', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshglass-kinds-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'kubeconfig.yaml');
    const write = (token: string) => writeFileSync(file, kubeconfigFor({ clusterName: 'test', url: c.server.url, caCertPem: c.server.caCertPem, token }));
    write(ADMIN);
    const model = new FleetModel();
    const manager = new ClusterManager([new KubeconfigFileSource(file, { contexts: ['*'], exclude: [], overrides: {} }, 100)], model, OPTS);
    cleanups.push(() => manager.stop());
    await manager.start();
    const phase = () => model.cluster('test')?.view.condition(Date.now());
    await waitFor(() => phase()?.phase === 'ok' && model.cluster('test')!.store.secrets.size > 0, 15_000, 'ok with the remote secret');
    const first = manager.connection('test');

    write(NO_SECRETS);
    await waitFor(() => manager.connection('test') !== first, 10_000, 'the rebuilt connection');
    await waitFor(() => phase()?.phase === 'ok' && (phase()?.forbiddenKinds.length ?? 0) > 0, 15_000, 'ok with a forbidden kind');
    const seen = await phasesOver(() => phase()!, 2000);
    expect(seen.every((s) => s.startsWith('ok:'))).toBe(true);
    expect(phase()).toMatchObject({ phase: 'ok', forbiddenKinds: ['Secret'] });
    expect(model.cluster('test')!.store.secrets.size).toBe(0);
  });

  it('a token that loses a permission at run time drops that kind\'s records and keeps the cluster ok', async () => {
    const { model, conn } = await connect(MUTABLE);
    const store = model.cluster('test')!.store;
    await waitFor(() => store.secrets.size > 0, 5000, 'the remote secret');

    expect(c.server.setTokenRules(MUTABLE, allButSecrets)).toBe(true);
    cleanups.push(() => void c.server.setTokenRules(MUTABLE, undefined));
    await waitFor(() => conn.condition(Date.now()).forbiddenKinds.length > 0, 10_000, 'Secret forbidden');
    const seen = await phasesOver(() => conn.condition(Date.now()), 2000);
    expect(seen.every((s) => s.startsWith('ok:'))).toBe(true);
    expect(conn.condition(Date.now())).toMatchObject({ phase: 'ok', forbiddenKinds: ['Secret'] });
    expect(store.secrets.size).toBe(0);

    // The permission comes back: the kind recovers on its own.
    c.server.setTokenRules(MUTABLE, undefined);
    await waitFor(() => conn.condition(Date.now()).forbiddenKinds.length === 0 && store.secrets.size > 0, 15_000, 'Secret back');
  });
});
