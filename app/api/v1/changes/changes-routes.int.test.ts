/**
 * The change history end to end in one process: the simulated demo fleet's
 * scenarios change objects through its watches, the recorder writes them to
 * PGlite files, and /api/v1/changes answers them in order, filtered and
 * paged, and again after the dashboard restarts on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesAnswer } from '@/lib/history/changes-query';
import { startSimFleet, type SimFleet } from '@/server/sim/runtime';
import { stopAppRuntime } from '@/server/runtime/app-runtime';
import { call, readSse, tempConfig, until } from '../route-test-support';
import { GET as eventsGet } from '../events/route';
import { GET as clustersGet } from '../clusters/route';
import { GET as changesGet } from './route';
import { GET as changeGet } from './[id]/route';

let sim: SimFleet;
let cfg: ReturnType<typeof tempConfig>;
let dataDir: string;

const changes = async (query = ''): Promise<ChangesAnswer> => {
  const { status, body } = await call(changesGet, `/api/v1/changes${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as ChangesAnswer;
};
const allSynced = async () => {
  const { status, body } = await call(clustersGet, '/api/v1/clusters');
  return status === 200 && Object.values((body as { clusters: Record<string, { state: string }> }).clusters).filter((c) => c.state === 'ok').length === sim.clusters.length;
};
/** The newest change matching `pick`, waiting for it. */
async function waitForChange(query: string, pick: (c: ChangesAnswer['items'][number]) => boolean, what: string) {
  let found: ChangesAnswer['items'][number] | undefined;
  let last: ChangesAnswer | undefined;
  await until(async () => (found = (last = await changes(query)).items.find(pick)) !== undefined, 30_000, what).catch((err: Error) => {
    throw new Error(`${err.message}; ${query} answered ${JSON.stringify(last).slice(0, 1500)}`);
  });
  return found!;
}

beforeAll(async () => {
  sim = await startSimFleet({ fleet: 'demo' });
  dataDir = mkdtempSync(join(tmpdir(), 'meshglass-history-'));
  cfg = tempConfig(`log: {level: silent}
clusters:
  kubeconfigs: [{path: ${JSON.stringify(sim.kubeconfigPath)}, exclude: ['*-restricted']}]
  istiodPollSeconds: 1
history:
  dataDir: ${JSON.stringify(dataDir)}
`);
  process.env.MESHGLASS_CONFIG = cfg.file;
  await until(allSynced, 40_000, 'every cluster ok');
}, 60_000);

afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  await sim?.stop();
  cfg?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('/api/v1/changes', () => {
  let failoverId = '';

  it('records nothing for the first sync, then each scenario\'s changes in order', async () => {
    // The first list of every kind is the baseline: no config entries appear for it.
    await new Promise((r) => setTimeout(r, 2500));
    const baseline = await changes('?category=config,workload,service,trust');
    expect(baseline.items).toEqual([]);
    expect(baseline.history).toMatchObject({ state: 'ok', backend: 'pglite', gaps: [] });

    const home = sim.clusters[0]!.name;
    await sim.setScenario('failover');
    const dr = await waitForChange(`?cluster=${home}&kind=DestinationRule`, (c) => c.name === 'reviews' && JSON.stringify(c.diff).includes('outlierDetection'), 'the failover DestinationRule change');
    expect(dr).toMatchObject({ cluster: home, category: 'config', namespace: 'bookinfo', action: 'changed', services: expect.arrayContaining(['bookinfo/reviews']) });
    failoverId = dr.id;

    const third = sim.clusters[2]!.name;
    await sim.setScenario('split-trust');
    const revert = await waitForChange(`?cluster=${home}&kind=DestinationRule`, (c) => c.name === 'reviews' && Number(c.id) > Number(dr.id), 'the DestinationRule put back');
    const trust = await waitForChange(`?cluster=${third}&category=trust`, () => true, 'the split-trust root change');
    // Reverting failover comes before split-trust is applied, and ids say so.
    expect(Number(revert.id)).toBeGreaterThan(Number(dr.id));
    expect(Number(trust.id)).toBeGreaterThan(Number(revert.id));
    expect(revert.diff.some((f) => f.path.includes('outlierDetection') && f.before !== undefined && f.after === undefined)).toBe(true);
    expect(trust.cluster).toBe(third);
    await sim.setScenario('healthy');
  }, 90_000);

  it('filters by service, category and time, pages by cursor without repeats, and opens one change whole', async () => {
    const byService = await changes('?service=bookinfo/reviews');
    expect(byService.items.length).toBeGreaterThan(0);
    expect(byService.items.every((c) => c.services.includes('bookinfo/reviews'))).toBe(true);
    const trustOnly = await changes('?category=trust');
    expect(trustOnly.items.length).toBeGreaterThan(0);
    expect(trustOnly.items.every((c) => c.category === 'trust')).toBe(true);
    expect((await changes(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).items).toEqual([]);

    const all = (await changes('?limit=500')).items.map((c) => c.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await changes(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      paged.push(...page.items.map((c) => c.id));
      cursor = page.next;
    } while (cursor && paged.length < 1000);
    expect(paged.slice(0, all.length)).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
    // Newest first.
    expect([...all].sort((a, b) => Number(b) - Number(a))).toEqual(all);

    const one = await call(changeGet, `/api/v1/changes/${failoverId}`, { id: failoverId });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: failoverId, kind: 'DestinationRule', name: 'reviews' });
  });

  it('tells live clients that new entries were written, on the event stream', async () => {
    const ac = new AbortController();
    const r = await call(eventsGet, '/api/v1/events', undefined, { signal: ac.signal });
    expect(r.status).toBe(200);
    sim.applyYaml(sim.clusters[1]!.name, 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: sse-probe, namespace: bookinfo}\nspec: {host: ratings}\n');
    const text = await readSse(r.res.body!, '"changes"', 10_000);
    ac.abort();
    expect(text).toContain('"changes"');
    const probe = await waitForChange('?kind=DestinationRule', (c) => c.name === 'sse-probe', 'the probe DestinationRule');
    expect(probe).toMatchObject({ action: 'created', services: ['bookinfo/ratings'] });
  });

  it('refuses bad input by name and answers 404 for a change that does not exist', async () => {
    const bad = await call(changesGet, '/api/v1/changes?category=bogus&limit=9999');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/category|limit/);
    const cursor = await call(changesGet, '/api/v1/changes?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(JSON.stringify(cursor.body)).toContain('cursor');
    expect((await call(changeGet, '/api/v1/changes/999999999', { id: '999999999' })).status).toBe(404);
    expect((await call(changeGet, '/api/v1/changes/abc', { id: 'abc' })).status).toBe(400);
  });

  it('keeps the history across a restart of the dashboard on the same files', async () => {
    const before = (await changes('?limit=500')).items.map((c) => c.id);
    expect(before.length).toBeGreaterThan(0);
    await stopAppRuntime();
    await until(allSynced, 40_000, 'every cluster ok after the restart');
    const after = (await changes('?limit=500')).items.map((c) => c.id);
    expect(after.slice(after.length - before.length)).toEqual(before);
    // And it records on: a change after the restart gets a later id.
    await sim.setScenario('failover');
    const dr = await waitForChange(`?kind=DestinationRule`, (c) => c.name === 'reviews' && Number(c.id) > Number(before[0]), 'a change after the restart');
    expect(Number(dr.id)).toBeGreaterThan(Number(before[0]));
    await sim.setScenario('healthy');
  }, 120_000);
});
