import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceSummary } from '@/lib/fleet/services';
import { ServiceRow } from './service-row';
import { rowTestIds } from './service-table';

const zeroSignals = { rps: 0, errorPercent: { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 }, latencyMs: { p50: null, p95: null, p99: null } };
// What the list answers for a service nobody measured: zeros, on the row itself (summed over its mesh's clusters).
const service = { namespace: 'shop', name: 'cart', mesh: 'prod', kind: 'Service', clusters: ['c1'], inconsistencies: [], dataplanes: ['ambient'], endpoints: { ready: 2, notReady: 0 }, signals: zeroSignals } as unknown as ServiceSummary;
const perCluster = { namespace: 'shop', name: 'cart', clusters: [], signals: zeroSignals } as unknown as ServiceSignals;

const html = (telemetry: boolean, s = service) => renderToStaticMarkup(<ServiceRow service={s} signals={perCluster} telemetry={telemetry} />);
// The last three cells: rate, errors, p95.
const cells = (telemetry: boolean) => [...html(telemetry).matchAll(/<div role="cell"[^>]*>([^<]*)<\/div>/g)].map((m) => m[1]).slice(-3);

describe('ServiceRow', () => {
  it('shows rate and errors as "—" without telemetry, not as 0/s and 0%', () => {
    expect(cells(false)).toEqual(['—', '—', '—']);
  });

  it('shows measured zeros as zeros', () => {
    expect(cells(true).slice(0, 2)).toEqual(['0/s', '0%']);
  });

  it('names its mesh and links to that mesh\'s page', () => {
    expect(html(true)).toContain('mesh prod');
    expect(html(true)).toContain('href="/services/shop/cart?mesh=prod"');
    const unnamed = html(true, { ...service, mesh: '' });
    expect(unnamed).toContain('no mesh ID');
    expect(unnamed).toContain('href="/services/shop/cart"');
  });
});

describe('ServiceRow data plane', () => {
  it('badges the mode in a cell named for the service', () => {
    const out = html(true);
    expect(out).toMatch(/data-testid="dataplane-shop-cart"[^>]*>.*data-dataplane="ambient"/);
    expect(out).not.toContain('data-dataplane="mixed"');
  });

  it('leads with a warning "mixed" badge when the clusters differ, keeping each mode', () => {
    const out = html(true, { ...service, dataplanes: ['ambient', 'sidecar'] });
    expect(out).toContain('data-differs="true"');
    expect([...out.matchAll(/data-dataplane="(\w+)"/g)].map((m) => m[1])).toEqual(['mixed', 'sidecar', 'ambient']);
    expect(out).toContain('title="sidecar in some clusters, ambient in others"');
  });
});

describe('rowTestIds', () => {
  it('keeps the plain id for the first row of a name and adds the mesh for the others', () => {
    const r = (name: string, mesh: string) => ({ ...service, name, mesh });
    expect(rowTestIds([r('reviews', 'prod'), r('reviews', 'staging'), r('cart', '')])).toEqual(['service-row-shop-reviews', 'service-row-shop-reviews-in-staging', 'service-row-shop-cart']);
  });
});
