import 'server-only';
import type { TopologyBody } from './topology';

/** Whether an Accept-Encoding header accepts gzip (`gzip` or `*` with a q above 0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const ok = q === undefined || Number(q) > 0;
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') return ok;
    if (name.trim() === '*') star = ok;
  }
  return star;
}

/** Whether an If-None-Match header names one of `tags` (weak comparison, as RFC 9110 asks for If-None-Match), or is `*`. */
export function noneMatchHits(header: string | null, tags: readonly string[]): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tags.includes(tag);
  });
}

/**
 * The HTTP answer of a topology request from the shared answer's bytes.
 * 200: `Cache-Control: private, no-cache` with the strong ETag of the
 * representation sent; 304 with no body when If-None-Match names either
 * representation's tag; the gzip made once per answer (Content-Encoding: gzip,
 * which also keeps `next start`'s compression from gzipping it again per
 * request) when the client accepts it. Other statuses (503 while nothing is
 * known) go out as they are, uncached. `headers` are the telemetry routes'
 * usual ones (content type).
 */
export async function topologyResponse(req: Request, body: TopologyBody, status: number, headers: HeadersInit): Promise<Response> {
  const h = new Headers(headers);
  if (status !== 200) return new Response(body.json as Uint8Array<ArrayBuffer>, { status, headers: h });
  const gzip = acceptsGzip(req.headers.get('accept-encoding'));
  h.set('cache-control', 'private, no-cache');
  h.set('vary', 'Accept-Encoding');
  h.set('etag', gzip ? body.gzipEtag : body.etag);
  if (noneMatchHits(req.headers.get('if-none-match'), [body.etag, body.gzipEtag])) {
    h.delete('content-type');
    return new Response(null, { status: 304, headers: h });
  }
  const bytes = gzip ? await body.gzip() : body.json;
  if (gzip) h.set('content-encoding', 'gzip');
  h.set('content-length', String(bytes.byteLength));
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: h });
}
