import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { refusePortForwards } from '../sim/kube/port-forward';
import { clustersConfigSchema } from '../config/schema';
import { proxyPageSchema } from '@/lib/fleet/controlplanes';
import { startFleetRuntime, type FleetRuntime } from './fleet-runtime';
import { getControlPlanes } from './controlplanes';
import { getProxies } from './proxies';
import { ALL } from './scope';

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const DIAL = 'dial tcp 10.0.3.7:10250: connect: connection refused';
let sim: SimFleet;
let fleet: FleetRuntime;

/** Pods with an istio-proxy container, as the simulator holds them. */
function simSidecars(): number {
  let n = 0;
  for (const c of sim.clusters) {
    for (const p of c.store.list('v1', 'Pod')) {
      const containers = ((p as { spec?: { containers?: Array<{ name?: string }> } }).spec?.containers ?? []);
      if (containers.some((x) => x.name === 'istio-proxy')) n++;
    }
  }
  return n;
}

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  // Every API server refuses port-forwards as one that cannot reach its kubelets does.
  for (const c of sim.clusters) refusePortForwards(c.api, DIAL);
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], istiodPollSeconds: 1, requestTimeoutSeconds: 5 });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 } });
  await fleet.started;
  await until(() => getControlPlanes(fleet.model, ALL, {}).data.length > 0 && getControlPlanes(fleet.model, ALL, {}).data.every((cp) => cp.poll.state === 'error'), 30_000, 'every istiod poll to fail');
});

afterAll(async () => {
  fleet?.stop();
  await sim?.stop();
});

describe('proxies when no istiod can be port-forwarded to', () => {
  it("keeps the API server's reason in the poll error, on one bounded line", () => {
    for (const cp of getControlPlanes(fleet.model, ALL, {}).data) {
      expect(cp.poll.error).toContain(`error dialing backend: ${DIAL}`);
      expect(cp.poll.error).not.toMatch(/\n/);
      expect(cp.poll.error!.length).toBeLessThanOrEqual(300);
    }
  });

  it('says the sync state is unknown per cluster and still counts the sidecars from the pods', () => {
    const page = proxyPageSchema.parse(getProxies(fleet.model, ALL, { page: 1, pageSize: 50 }).data);
    expect(page.total).toBe(0);
    expect(page.sidecars).toBe(simSidecars());
    expect(page.sidecars).toBeGreaterThan(0);
    const istiodClusters = [...new Set(getControlPlanes(fleet.model, ALL, {}).data.map((cp) => cp.cluster))].sort();
    expect(Object.keys(page.sync).sort()).toEqual(istiodClusters);
    for (const s of Object.values(page.sync)) expect(s).toEqual({ state: 'error', reason: expect.stringContaining('error dialing backend') });
  });

  it('knows the sync state again once the port-forwards work', async () => {
    for (const c of sim.clusters) refusePortForwards(c.api);
    await until(() => Object.values(getProxies(fleet.model, ALL, { page: 1, pageSize: 1 }).data.sync).every((s) => s.state === 'ok'), 15_000, 'polls to answer');
    const page = getProxies(fleet.model, ALL, { page: 1, pageSize: 1 }).data;
    expect(page.total).toBeGreaterThan(0);
  });
});
