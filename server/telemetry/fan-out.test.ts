import { describe, expect, it } from 'vitest';
import { mergeTelemetryStates, TelemetryClient } from './fan-out';
import { renderSelector } from './promql/escape';

const endpoint = (url: string) => ({ url, headers: {}, timeoutMs: 500 });
const opts = { cacheSeconds: 0, maxConcurrency: 2 };

describe('TelemetryClient', () => {
  it('plans one source per asked cluster and names clusters without one', () => {
    const c = new TelemetryClient({ mode: 'per-cluster', sources: [{ id: 'a', cluster: 'a', endpoint: endpoint('http://127.0.0.1:1') }] }, opts);
    const plan = c.plan(['a', 'b']);
    expect(plan.sources.map((s) => s.id)).toEqual(['a']);
    expect(plan.clusters.b).toMatchObject({ state: 'not-configured' });
    expect(new TelemetryClient({ mode: 'none', sources: [] }, opts).plan(['a']).clusters.a?.state).toBe('disabled');
  });

  it('marks only the failed source clusters unavailable, with the reason', async () => {
    const c = new TelemetryClient({ mode: 'per-cluster', sources: [{ id: 'a', cluster: 'a', endpoint: endpoint('http://127.0.0.1:1') }] }, opts);
    const r = await c.instant(() => 'up', ['a', 'b']);
    expect(r.samples).toEqual([]);
    expect(r.clusters.a?.state).toBe('unavailable');
    expect(r.clusters.a?.reason).toMatch(/unreachable/);
    expect(r.clusters.b?.state).toBe('not-configured');
  });

  it('gives global-mode builders the cluster label and an escaped cluster matcher', async () => {
    const c = new TelemetryClient({ mode: 'global', clusterLabel: 'k8s_cluster', sources: [{ id: 'global', endpoint: endpoint('http://127.0.0.1:1') }] }, opts);
    let built = '';
    const r = await c.instant((ctx) => (built = `${ctx.clusterLabel} ${renderSelector(ctx.clusterMatchers)}`), ['a', 'x"|.*']);
    expect(built).toBe('k8s_cluster {k8s_cluster=~"a|x\\"\\\\|\\\\.\\\\*"}');
    expect(Object.values(r.clusters).every((s) => s.state === 'unavailable')).toBe(true);
  });

  it('names a source by its id, never by its URL or credentials, in states and reasons', async () => {
    const url = 'http://metrics-user:hunter2-secret@127.0.0.1:1/prom';
    const c = new TelemetryClient({ mode: 'global', sources: [{ id: 'global', endpoint: { url, headers: { authorization: 'Bearer tok-abcdef' }, timeoutMs: 500 } }] }, opts);
    const r = await c.instant(() => 'up', ['a']);
    const text = JSON.stringify(r.clusters);
    expect(r.clusters.a).toMatchObject({ state: 'unavailable', source: 'global' });
    expect(r.clusters.a?.reason).toMatch(/^Prometheus unreachable: .*<telemetry source global>/);
    for (const secret of ['127.0.0.1', 'hunter2', 'metrics-user', 'tok-abcdef', '/prom']) expect(text).not.toContain(secret);
    expect(c.plan(['a']).clusters.a?.source).toBe('global');
  });

  it('reports broken credentials of a source without querying', () => {
    const c = new TelemetryClient({ mode: 'global', sources: [], broken: { global: 'cannot load the credentials' } }, opts);
    expect(c.plan(['a']).clusters.a).toEqual({ state: 'unavailable', reason: 'cannot load the credentials' });
  });
});

describe('mergeTelemetryStates', () => {
  it('keeps the worst state per cluster', () => {
    expect(mergeTelemetryStates({ a: { state: 'ok' } }, { a: { state: 'unavailable', reason: 'x' }, b: { state: 'ok' } })).toEqual({ a: { state: 'unavailable', reason: 'x' }, b: { state: 'ok' } });
  });
});
