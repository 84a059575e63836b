import { describe, expect, it } from 'vitest';
import type { FleetResponse } from '@/lib/api/envelope';
import type { GroupedTopology } from '@/lib/api/topology';
import { topologyBody } from './topology';
import { noneMatchHits, topologyResponse } from './topology-response';

const res: FleetResponse<GroupedTopology> = {
  data: { elements: { nodes: [{ data: { id: 'wl:a/ns/x', kind: 'workload', cluster: 'a', namespace: 'ns', name: 'x' } }], edges: [] }, stats: { nodes: 1, edges: 0, clusters: 1, namespaces: 1, totalRps: 0, crossClusterEdges: 0 }, telemetry: {} },
  clusters: { a: { state: 'ok', dataAgeSeconds: 0 } },
  revision: 3,
  generatedAt: '2026-01-01T00:00:00.000Z',
};
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const get = (headers: Record<string, string> = {}) => new Request('http://127.0.0.1/api/v1/topology', { headers });

describe('topology HTTP answer', () => {
  it('sends the bytes with a strong ETag and private, no-cache; 304 with no body for a matching If-None-Match', async () => {
    const body = topologyBody(res);
    const first = topologyResponse(get(), body, 200, JSON_HEADERS);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(body.etag);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(await first.json()).toEqual(res);

    const again = topologyResponse(get({ 'if-none-match': body.etag }), body, 200, JSON_HEADERS);
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(body.etag);
    expect(await again.text()).toBe('');
    // A list or a weak form match too; another answer's tag does not.
    expect(topologyResponse(get({ 'if-none-match': `"x", W/${body.etag}` }), body, 200, JSON_HEADERS).status).toBe(304);
    expect(topologyResponse(get({ 'if-none-match': '"other"' }), body, 200, JSON_HEADERS).status).toBe(200);
  });

  it('sends other statuses as they are, without validators', async () => {
    const body = topologyBody(res);
    const r = topologyResponse(get({ 'if-none-match': body.etag }), body, 503, JSON_HEADERS);
    expect(r.status).toBe(503);
    expect(r.headers.get('etag')).toBeNull();
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.json()).toEqual(res);
  });

  it('reads If-None-Match', () => {
    expect(noneMatchHits('*', '"a"')).toBe(true);
    expect(noneMatchHits(null, '"a"')).toBe(false);
    expect(noneMatchHits('"b" , "a"', '"a"')).toBe(true);
    expect(noneMatchHits('"a-gz"', '"a"')).toBe(false);
  });
});
