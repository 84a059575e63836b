import { describe, expect, it } from 'vitest';
import type { Ztunnel } from '../fleet/ambient';
import { runsAmbient, ztunnelSummary } from './ztunnel-view';

const z = (node: string, state: Ztunnel['state'], ambientPods = 0): Ztunnel => ({ node, state, ambientPods, ...(state === 'missing' ? {} : { pod: `ztunnel-${node}`, version: '1.24.0' }) });

describe('ztunnelSummary', () => {
  it('counts ready nodes', () => {
    const s = ztunnelSummary([z('n1', 'ready', 3), z('n2', 'ready')]);
    expect(s).toMatchObject({ total: 2, ready: 2, problems: [], line: '2 of 2 nodes ready' });
  });

  it('names the nodes that are not ready or have no ztunnel, and the ambient pods they cut off', () => {
    const s = ztunnelSummary([z('n1', 'not-ready', 2), z('n2', 'ready', 1), z('n3', 'missing', 1)]);
    expect(s.ready).toBe(1);
    expect(s.problems.map((p) => p.node)).toEqual(['n1', 'n3']);
    expect(s.line).toBe('1 of 3 nodes ready · not ready: n1 · no ztunnel: n3 · 3 ambient pods cut off');
  });

  it('reads one node in the singular', () => {
    expect(ztunnelSummary([z('n1', 'ready')]).line).toBe('1 of 1 node ready');
  });
});

describe('runsAmbient', () => {
  it('is false for a sidecar-only cluster and true when ztunnel runs without ambient namespaces', () => {
    expect(runsAmbient({ ztunnels: [], waypoints: [] })).toBe(false);
    expect(runsAmbient({ ztunnels: [z('n1', 'ready')], waypoints: [] })).toBe(true);
    expect(runsAmbient({ ambient: { ztunnelNodes: 0, ztunnelReady: 0, ambientNamespaces: 1, waypoints: 0 }, ztunnels: [], waypoints: [] })).toBe(true);
  });
});
