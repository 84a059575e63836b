/**
 * Two dashboard processes on one PostgreSQL server (Debian's, started here):
 * both answer the same history, each change recorded once (one replica holds
 * the writer lease), and when the recording replica stops the other takes
 * over and records the next change.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { startPgServer, type PgServer } from '../server/history/testing/pg-server';
import { setScenario, simClusters } from './pages/sim-admin';
import { startNextServer, type NextServer } from './support/next-server';

const PORTS = [Number(process.env.E2E_REPLICA_A_PORT ?? 3234), Number(process.env.E2E_REPLICA_B_PORT ?? 3235)];
let pg: PgServer;
let replicas: NextServer[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  pg = await startPgServer();
  const databaseUrl = await pg.createDatabase('meshglass_e2e');
  const dir = path.resolve('.meshglass/e2e-replicas');
  mkdirSync(dir, { recursive: true });
  const config = parse(readFileSync(path.resolve('.meshglass/e2e/meshglass.yaml'), 'utf8')) as Record<string, unknown>;
  config.history = { databaseUrl };
  const configFile = path.join(dir, 'meshglass.yaml');
  writeFileSync(configFile, stringify(config));
  try {
    replicas = await Promise.all(PORTS.map((port, i) => startNextServer({ port, configFile, logFile: path.join(dir, `next-${i}.log`) })));
  } catch (err) {
    await Promise.all(replicas.map((r) => r.stop()));
    await pg.stop();
    throw err;
  }
});

test.afterAll(async () => {
  await setScenario('healthy');
  await Promise.all(replicas.map((r) => r.stop()));
  await pg?.stop();
});

type Change = { id: string; cluster: string; kind: string; name: string; at: string };
async function drChanges(request: APIRequestContext, base: string, cluster: string, since: string): Promise<Change[]> {
  const res = await request.get(`${base}/api/v1/changes?cluster=${encodeURIComponent(cluster)}&kind=DestinationRule&from=${encodeURIComponent(since)}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: Change[]; history: { backend: string } };
  expect(body.history.backend).toBe('postgresql');
  return body.items.filter((c) => c.name === 'reviews');
}

test('both replicas answer each change once, and the other replica records when the first stops', async ({ request }) => {
  test.setTimeout(150_000);
  const home = (await simClusters())[0]!.name;
  // A change during a replica's first sync is its baseline, not a change: wait until both have synced.
  for (const r of replicas) await expect.poll(async () => (await request.get(`${r.url}/api/v1/readyz`)).status(), { timeout: 60_000 }).toBe(200);
  const since = new Date().toISOString();
  await setScenario('failover');
  // Exactly one entry for the one change, the same on both replicas: one writer.
  await expect.poll(async () => (await drChanges(request, replicas[0]!.url, home, since)).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await drChanges(request, replicas[1]!.url, home, since)).map((c) => c.id), { timeout: 10_000 }).toEqual((await drChanges(request, replicas[0]!.url, home, since)).map((c) => c.id));
  // A little longer: no second copy turns up from a second recorder.
  await new Promise((r) => setTimeout(r, 3000));
  expect(await drChanges(request, replicas[1]!.url, home, since)).toHaveLength(1);

  // Exactly one replica records.
  const recording = await Promise.all(replicas.map(async (r) => ((await (await request.get(`${r.url}/api/v1/changes?limit=1`)).json()) as { history: { recording: boolean } }).history.recording));
  expect(recording.filter(Boolean)).toHaveLength(1);
  // The recorder stops; the change right after it is recorded by the other replica, once.
  const writer = recording.indexOf(true);
  const survivor = replicas[1 - writer]!;
  await replicas[writer]!.stop();
  await setScenario('healthy');
  await expect.poll(async () => (await drChanges(request, survivor.url, home, since)).length, { timeout: 45_000 }).toBe(2);
  await expect.poll(async () => ((await (await request.get(`${survivor.url}/api/v1/changes?limit=1`)).json()) as { history: { recording: boolean } }).history.recording, { timeout: 15_000 }).toBe(true);
});
