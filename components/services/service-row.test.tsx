import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceSummary } from '@/lib/fleet/services';
import { ServiceRow } from './service-row';

const service = { namespace: 'shop', name: 'cart', kind: 'Service', clusters: ['c1'], inconsistencies: [], endpoints: { ready: 2, notReady: 0 } } as unknown as ServiceSummary;
// What the signals route answers for a service nobody measured: zeros.
const zeros = { namespace: 'shop', name: 'cart', clusters: [], signals: { rps: 0, errorPercent: { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 }, latencyMs: { p50: null, p95: null, p99: null } } } as unknown as ServiceSignals;

// The last three cells: rate, errors, p95.
const cells = (telemetry: boolean) => [...renderToStaticMarkup(<ServiceRow service={service} signals={zeros} telemetry={telemetry} />).matchAll(/<div role="cell"[^>]*>([^<]*)<\/div>/g)].map((m) => m[1]).slice(-3);

describe('ServiceRow', () => {
  it('shows rate and errors as "—" without telemetry, not as 0/s and 0%', () => {
    expect(cells(false)).toEqual(['—', '—', '—']);
  });

  it('shows measured zeros as zeros', () => {
    expect(cells(true).slice(0, 2)).toEqual(['0/s', '0%']);
  });
});
