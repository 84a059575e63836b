import { describe, expect, it } from 'vitest';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceDetail } from '@/lib/fleet/services';
import { otherMeshes, signalsInMesh } from './mesh-scope';

const signals = { rps: 1, errorPercent: { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 }, latencyMs: { p50: null, p95: null, p99: null }, tcpBytesPerSecond: 0 };
const part = (cluster: string, status: 'healthy' | 'failure') => ({ cluster, signals, health: { status, reasons: [status] } });

describe('signalsInMesh', () => {
  it('keeps the mesh\'s clusters and judges health over them only', () => {
    const s = { namespace: 'bookinfo', name: 'reviews', signals, health: { status: 'failure', reasons: [] }, clusters: [part('us-east-1', 'healthy'), part('staging-us-east-1', 'failure')] } as ServiceSignals;
    const mine = signalsInMesh(s, new Set(['us-east-1', 'us-west-2']));
    expect(mine.clusters.map((c) => c.cluster)).toEqual(['us-east-1']);
    expect(mine.health.status).toBe('healthy');
  });
});

describe('otherMeshes', () => {
  it('lists the meshes beside this one with their cluster counts', () => {
    const d = { mesh: 'prod', meshes: [{ mesh: 'prod', clusters: ['a', 'b', 'c'] }, { mesh: 'staging', clusters: ['s'] }, { mesh: '', clusters: ['x', 'y'] }] } as ServiceDetail;
    expect(otherMeshes(d).map((m) => m.label)).toEqual(['Also in mesh staging (1 cluster)', 'Also in clusters without a mesh ID (2 clusters)']);
  });
});
