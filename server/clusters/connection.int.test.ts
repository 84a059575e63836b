import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, waitFor, type TestCluster } from '../sim/kube/test-support';
import { FleetModel } from '../fleet/model';
import { ClusterConnection } from './connection';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const svc = (namespace: string, name: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace },
  spec: { type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ name: 'http', port: 9080, protocol: 'TCP' }], selector: { app: name } },
});

describe('ClusterConnection against the simulated API server', () => {
  let c: TestCluster;
  let model: FleetModel;
  let conn: ClusterConnection;
  beforeAll(async () => {
    c = await startTestCluster({}, true);
    c.store.apply(ns('bookinfo'));
    c.store.apply(svc('bookinfo', 'reviews'));
    model = new FleetModel();
    model.upsertCluster({ name: 'test', displayName: 'test', source: 'test' });
    conn = new ClusterConnection('test', c.kc(), model, { staleAfterMs: 4000, requestTimeoutMs: 2000, istiodPollMs: 60_000, backoff: { baseMs: 100, maxMs: 1000 }, rediscoverMs: 60_000, apiProbeMs: 100 });
    model.upsertCluster({ name: 'test', displayName: 'test', source: 'test' }, conn);
    conn.start();
    await conn.firstAttempt;
  });
  afterAll(async () => {
    conn?.stop();
    await c?.server.stop();
  });

  it('syncs every kind and reaches ok', async () => {
    await waitFor(() => conn.condition(Date.now()).phase === 'ok', 10_000, 'ok');
    expect(model.services.has('bookinfo/reviews')).toBe(true);
    expect(conn.condition(Date.now()).totalKinds).toBeGreaterThan(8);
  });

  it('follows watch events', async () => {
    c.store.apply(svc('bookinfo', 'ratings'));
    await waitFor(() => model.services.has('bookinfo/ratings'), 5000, 'ratings');
    c.store.delete('v1', 'Service', 'bookinfo', 'ratings');
    await waitFor(() => !model.services.has('bookinfo/ratings'), 5000, 'ratings gone');
  });

  it('times its API: a slow server shows while open watches keep it ok, and a time-out says so', async () => {
    await waitFor(() => (conn.apiLatency()?.ms ?? Infinity) < 500, 5000, 'a fast answer');
    // The pages hear of it: a step in latency is a cluster change on the model's feed.
    let told = 0;
    const unobserve = model.observe({ clusterChanged: (name) => void (name === 'test' && told++) });
    try {
      await c.server.setFaults({ delayMs: 800 });
      await waitFor(() => (conn.apiLatency()?.ms ?? 0) >= 800, 5000, 'the delay measured');
      await waitFor(() => told > 0, 2000, 'a cluster change for the slower API');
      expect(conn.apiLatency()?.timedOut).toBe(false);
      expect(conn.condition(Date.now()).phase).toBe('ok');
      await c.server.setFaults({ delayMs: 2500 });
      await waitFor(() => conn.apiLatency()?.timedOut === true, 8000, 'the request time-out');
      expect(conn.apiLatency()?.ms).toBe(2000);
    } finally {
      unobserve();
      await c.server.setFaults({ delayMs: 0 });
    }
    await waitFor(() => (conn.apiLatency()?.ms ?? Infinity) < 500, 8000, 'fast again');
  });

  it('counts watches the server ends with 410 Gone, and keeps the data whole through the relists', async () => {
    const before = conn.watchExpiries(Date.now());
    try {
      await c.server.setFaults({ expireWatches: true });
      await waitFor(() => conn.watchExpiries(Date.now()) >= before + 5, 20_000, 'expiries counted');
      expect(conn.condition(Date.now()).phase).toMatch(/ok|syncing/);
    } finally {
      await c.server.setFaults({ expireWatches: false });
    }
    expect(model.services.has('bookinfo/reviews')).toBe(true);
    expect(conn.watchExpiries(Date.now() + 6 * 60_000)).toBe(0);
  });

  it('goes unreachable when the cluster is down and recovers', async () => {
    await c.server.setFaults({ refuseConnections: true });
    await waitFor(() => conn.condition(Date.now()).phase === 'unreachable', 15_000, 'unreachable');
    c.store.apply(svc('bookinfo', 'details'));
    await c.server.setFaults({ refuseConnections: false });
    await waitFor(() => conn.condition(Date.now()).phase === 'ok' && model.services.has('bookinfo/details'), 15_000, 'recovered');
  });

  it('goes unauthorized on 401, stays so with its reason through the retries, and recovers', async () => {
    await c.server.setFaults({ rejectAllTokens: true });
    await waitFor(() => conn.condition(Date.now()).phase === 'unauthorized', 15_000, 'unauthorized');
    // Several auth retries (400 ms .. 2 s apart here): every sample says unauthorized, with a reason.
    const seen = new Set<string>();
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      const cond = conn.condition(Date.now());
      seen.add(`${cond.phase}:${cond.reason?.startsWith('401') ? '401' : cond.reason}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect([...seen]).toEqual(['unauthorized:401']);
    await c.server.setFaults({ rejectAllTokens: false });
    await waitFor(() => conn.condition(Date.now()).phase === 'ok', 15_000, 'recovered');
  });

  it('a cluster whose token is refused from the start goes connecting -> unauthorized and never back', async () => {
    const m = new FleetModel();
    const bad = new ClusterConnection('bad', c.kc('not-a-token'), m, { staleAfterMs: 4000, requestTimeoutMs: 2000, istiodPollMs: 60_000, backoff: { baseMs: 100, maxMs: 1000 }, rediscoverMs: 60_000 });
    const phases: string[] = [];
    const timer = setInterval(() => {
      const p = bad.condition(Date.now()).phase;
      if (phases.at(-1) !== p) phases.push(p);
    }, 10);
    try {
      bad.start();
      await bad.firstAttempt;
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      clearInterval(timer);
      bad.stop();
    }
    // At most one 'connecting' before the first answer, then unauthorized for good.
    expect(phases.slice(phases[0] === 'connecting' ? 1 : 0)).toEqual(['unauthorized']);
    expect(bad.condition(Date.now()).reason).toMatch(/^401 Unauthorized/);
  });
});
