import { describe, expect, it } from 'vitest';
import type { ClusterCondition, ClusterPhase } from '../clusters/cluster-state';
import { ClusterPhaseTracker } from './cluster-phase-tracker';

const AT = '2026-01-01T00:00:00.000Z';
const cond = (phase: ClusterPhase, reason?: string): ClusterCondition => ({ phase, reason, syncedKinds: 1, totalKinds: 1, forbiddenKinds: [], dataAgeSeconds: 0 });

describe('ClusterPhaseTracker', () => {
  it('records transitions between settled phases, never repeats, and not the initial sync', () => {
    const t = new ClusterPhaseTracker();
    const seen = (['connecting', 'syncing', 'ok', 'ok', 'unreachable', 'unreachable', 'ok', 'stale', 'ok'] as const).map((p, i) => t.update('c1', cond(p, p === 'unreachable' ? 'ECONNREFUSED: connect' : undefined), i, AT)?.summary);
    expect(seen.filter(Boolean)).toEqual(['ok → unreachable: ECONNREFUSED: connect', 'unreachable → ok', 'ok → stale', 'stale → ok']);
  });

  it('treats a rebuilt connection passing through connecting and syncing as no transition, unless it ends elsewhere', () => {
    const t = new ClusterPhaseTracker();
    t.update('c1', cond('ok'), 1, AT);
    expect(t.update('c1', cond('connecting'), 2, AT)).toBeUndefined();
    expect(t.update('c1', cond('syncing'), 3, AT)).toBeUndefined();
    expect(t.update('c1', cond('ok'), 4, AT)).toBeUndefined();
    t.update('c1', cond('connecting'), 5, AT);
    expect(t.update('c1', cond('unauthorized', '401 Unauthorized: token'), 6, AT)).toEqual({
      at: AT, cluster: 'c1', category: 'cluster', kind: 'Cluster', name: 'c1', action: 'changed', summary: 'ok → unauthorized: 401 Unauthorized: token',
      diff: [{ path: 'state', before: 'ok', after: 'unauthorized' }, { path: 'reason', after: '401 Unauthorized: token' }], services: [],
    });
  });

  it('knows from which model revision a cluster had its data', () => {
    const t = new ClusterPhaseTracker();
    t.update('c1', cond('unreachable'), 3, AT);
    expect(t.dataSince('c1')).toBeUndefined();
    t.update('c1', cond('ok'), 7, AT);
    t.update('c1', cond('stale'), 9, AT);
    expect(t.dataSince('c1')).toBe(7);
  });

  it('a removed cluster is one entry and is forgotten', () => {
    const t = new ClusterPhaseTracker();
    t.update('c1', cond('ok'), 1, AT);
    expect(t.removed('c1', AT)).toMatchObject({ kind: 'Cluster', name: 'c1', action: 'deleted', summary: 'removed from the fleet', diff: [{ path: 'state', before: 'ok' }] });
    expect(t.dataSince('c1')).toBeUndefined();
    expect(t.update('c1', cond('error', 'x'), 2, AT)).toBeUndefined();
  });
});
