import 'server-only';
import type { TopologyBody } from './topology';

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for If-None-Match), or is `*`. */
export function noneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * The HTTP answer of a topology request from the shared answer's bytes.
 * 200: `Cache-Control: private, no-cache` with the answer's strong ETag; 304
 * with no body when If-None-Match names it. Other statuses (503 while nothing
 * is known) go out as they are, uncached. `headers` are the telemetry routes'
 * usual ones (content type).
 */
export function topologyResponse(req: Request, body: TopologyBody, status: number, headers: HeadersInit): Response {
  const h = new Headers(headers);
  if (status !== 200) return new Response(body.json as Uint8Array<ArrayBuffer>, { status, headers: h });
  h.set('cache-control', 'private, no-cache');
  h.set('etag', body.etag);
  if (noneMatchHits(req.headers.get('if-none-match'), body.etag)) {
    h.delete('content-type');
    return new Response(null, { status: 304, headers: h });
  }
  return new Response(body.json as Uint8Array<ArrayBuffer>, { status: 200, headers: h });
}
