import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/analysis/types';
import { clustersConfigSchema } from '../config/schema';
import { startFleetRuntime, type FleetRuntime } from '../fleet/fleet-runtime';
import { ALL } from '../fleet/scope';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { AnalysisEngine } from './engine';
import { getFindings } from './findings';

const SCENARIO_CODES = ['MG0001', 'MG0006', 'MG0012', 'MG0013'];

let sim: SimFleet;
let fleet: FleetRuntime;
let engine: AnalysisEngine;

/** Findings as GET /api/v1/findings would serve them (all levels, one big page). */
const served = (q: { code?: string } = {}): Finding[] => getFindings(fleet.model, engine.current(), ALL, { ...q, page: 1, pageSize: 500 }).data.items;

async function until<T>(get: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; findings: ${served().map((f) => `${f.code} ${f.message}`).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allOk = () => sim.clusters.every((c) => fleet.model.cluster(c.name)?.view.condition(Date.now()).phase === 'ok');
const polled = () => fleet.model.clusters().every((e) => [...e.controlPlanes.values()].every((p) => p.state === 'ok'));
const scenarioFindings = () => served().filter((f) => SCENARIO_CODES.includes(f.code));

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 4, istiodPollSeconds: 1, requestTimeoutSeconds: 8 });
  fleet = startFleetRuntime(cfg, { backoff: { baseMs: 100, maxMs: 1000 }, sourcePollMs: 500 });
  engine = new AnalysisEngine(fleet.model, { debounceMs: 100, maxWaitMs: 500 }).start();
  await fleet.started;
  await until(() => allOk() && polled(), 30_000, 'every cluster ok and polled');
});

afterAll(async () => {
  engine?.stop();
  fleet?.stop();
  await sim?.stop();
});

describe('fleet analysis against the simulated demo fleet', () => {
  it('healthy: none of the scenario findings, and findings come with the envelope', async () => {
    await until(() => (engine.current().revision ?? -1) >= fleet.model.revision || undefined, 5_000, 'an analysis of the current model');
    expect(scenarioFindings()).toEqual([]);
    const res = getFindings(fleet.model, engine.current(), ALL, { page: 1, pageSize: 10 });
    expect(Object.keys(res.clusters).sort()).toEqual(sim.clusters.map((c) => c.name).sort());
    expect(res.data.analyzedRevision).toBeGreaterThan(0);
  });

  it.each([
    ['split-trust', 'MG0001', 'eu-central-1'],
    ['missing-eastwest-address', 'MG0006', 'us-west-2'],
    ['version-skew', 'MG0012', 'us-east-1'],
    ['version-skew', 'MG0013', 'eu-central-1'],
  ])('%s produces %s naming %s, and recovery clears it', async (scenario, code, cluster) => {
    await sim.setScenario(scenario);
    const hit = await until(() => served({ code }).find((f) => f.objects.some((o) => o.cluster === cluster)), 15_000, `${code} in ${cluster}`);
    expect(hit.clusters).toContain(cluster);
    if (code === 'MG0006') expect(hit.message).toContain('The address of the gateway for the remote network cannot be determined');
    await sim.setScenario('healthy');
    await until(() => (scenarioFindings().length === 0 ? true : undefined), 15_000, 'the findings to clear after recovery');
  }, 40_000);
});
