import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClusterDetail } from '@/lib/fleet/clusters';
import { WaypointsPanel } from './waypoints-panel';
import { ZtunnelPanel } from './ztunnel-panel';

const base = { name: 'us-east-1', ztunnels: [], waypoints: [] } as unknown as ClusterDetail;
const ambient: ClusterDetail = {
  ...base,
  ambient: { ztunnelNodes: 2, ztunnelReady: 1, ambientNamespaces: 1, waypoints: 1 },
  ztunnels: [
    { node: 'node-a', pod: 'ztunnel-abc', state: 'ready', version: '1.24.0', ambientPods: 2 },
    { node: 'node-b', pod: 'ztunnel-def', state: 'not-ready', version: '1.24.0', ambientPods: 1 },
  ],
  waypoints: [{ namespace: 'shop', name: 'waypoint', for: 'service', ready: 0, desired: 1, programmed: false, services: ['shop/cart'], namespaces: ['shop'] }],
};

describe('ZtunnelPanel', () => {
  it('has a row per node with its state, pod and version, and says how many are ready', () => {
    const html = renderToStaticMarkup(<ZtunnelPanel cluster={ambient} />);
    expect(html).toContain('data-testid="ztunnel-panel"');
    expect(html).toMatch(/data-testid="ztunnel-node-node-a" data-state="ready"/);
    expect(html).toMatch(/data-testid="ztunnel-node-node-b" data-state="not-ready"/);
    expect(html).toContain('ztunnel-def');
    expect(html).toContain('1 of 2 nodes ready · not ready: node-b · 1 ambient pod cut off');
  });

  it('says the cluster runs no ambient instead of an empty table', () => {
    const html = renderToStaticMarkup(<ZtunnelPanel cluster={base} />);
    expect(html).toContain('No ambient mode in us-east-1');
    expect(html).not.toContain('<table');
  });
});

describe('WaypointsPanel', () => {
  it('marks a waypoint without ready pods not ready and links the services it serves', () => {
    const html = renderToStaticMarkup(<WaypointsPanel cluster={ambient} />);
    expect(html).toMatch(/data-testid="waypoint-shop-waypoint" data-ready="false"/);
    expect(html).toContain('href="/services/shop/cart?cluster=us-east-1"');
    expect(html).toContain('no pod ready; Gateway not Programmed');
    expect(html).toContain('data-programmed="False"');
    expect(html).toContain('1 of 1 waypoint not ready');
  });

  it('reads a ready waypoint as ready', () => {
    const ready = { ...ambient, waypoints: [{ ...ambient.waypoints[0]!, ready: 1, programmed: true }] };
    const html = renderToStaticMarkup(<WaypointsPanel cluster={ready} />);
    expect(html).toMatch(/data-testid="waypoint-shop-waypoint" data-ready="true"/);
    expect(html).toContain('1 waypoint, all ready');
  });
});
