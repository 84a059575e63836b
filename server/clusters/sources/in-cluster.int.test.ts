/**
 * In-cluster mode against the simulator, as a pod would run it: no
 * kubeconfig, the service account's token and CA as files under the
 * standard path, KUBERNETES_SERVICE_HOST/PORT in the environment. The home
 * cluster comes through them, the other clusters from its Istio remote secrets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clustersConfigSchema } from '../../config/schema';
import { startFleetRuntime, type FleetRuntime } from '../../fleet/fleet-runtime';
import { startSimFleet, type SimFleet } from '../../sim/runtime';
import { SERVICE_ACCOUNT_DIR } from './in-cluster-source';

let sim: SimFleet;
let pod: string;
const runtimes: FleetRuntime[] = [];

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  pod = mkdtempSync(path.join(tmpdir(), 'meshglass-pod-'));
  const sa = path.join(pod, SERVICE_ACCOUNT_DIR);
  mkdirSync(sa, { recursive: true });
  writeFileSync(path.join(sa, 'token'), sim.cluster('us-east-1').adminToken);
  writeFileSync(path.join(sa, 'ca.crt'), sim.caPem);
  writeFileSync(path.join(sa, 'namespace'), 'meshglass');
}, 60_000);

afterAll(async () => {
  for (const r of runtimes) r.stop();
  await sim?.stop();
  if (pod) rmSync(pod, { recursive: true, force: true });
});

function start(env: Record<string, string | undefined>, inCluster: Record<string, unknown> = { name: 'us-east-1' }): FleetRuntime {
  const cfg = clustersConfigSchema.parse({ inCluster, istiodPollSeconds: 60 });
  const r = startFleetRuntime(cfg, { serviceAccountPrefix: pod, env, backoff: { baseMs: 100, maxMs: 1000 } });
  runtimes.push(r);
  return r;
}

describe('in-cluster mode', () => {
  it('reads the home cluster through the service account and the others from its remote secrets', async () => {
    const api = new URL(sim.cluster('us-east-1').apiUrl);
    const r = start({ KUBERNETES_SERVICE_HOST: api.hostname, KUBERNETES_SERVICE_PORT: api.port });
    const ok = (c: string) => r.model.cluster(c)?.view.condition(Date.now()).phase === 'ok';
    await until(() => ['us-east-1', 'us-west-2', 'eu-central-1'].every(ok), 60_000, 'the home cluster and its remote-secret peers ok');
    // staging is another mesh: us-east-1 holds no remote secret for it.
    expect(r.model.clusterNames()).toEqual(['eu-central-1', 'us-east-1', 'us-west-2']);
    expect(r.model.cluster('us-east-1')?.info.source).toBe('in-cluster:us-east-1');
    expect(r.model.services.has('payments/payments')).toBe(true);
    const sources = r.model.sources();
    expect(sources.map((s) => [s.kind, s.state])).toEqual(expect.arrayContaining([['in-cluster', 'ok'], ['remote-secrets', 'ok']]));
  }, 90_000);

  it('outside a pod says why, offers the cluster in error, and does not throw', async () => {
    const r = start({}, { name: 'home', remoteSecretsNamespace: null });
    await r.started;
    const source = r.model.sources().find((s) => s.kind === 'in-cluster');
    expect(source).toMatchObject({ state: 'error', reason: expect.stringContaining('KUBERNETES_SERVICE_HOST') });
  });
});
