/** Writes JSON responses and `Status` objects the way the API server does. */
import type { ServerResponse } from 'node:http';
import { KubeApiError } from './errors';

/** metav1.Status for a failure. */
export function statusOf(err: KubeApiError): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: err.message,
    reason: err.reason,
    ...(err.details ? { details: err.details } : {}),
    code: err.code,
  };
}

/** Any thrown value as a KubeApiError (unknown errors become 500 InternalError). */
export function toKubeError(err: unknown): KubeApiError {
  if (err instanceof KubeApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new KubeApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

/** Like sendJson, for a body already serialised. */
export function sendJsonBytes(res: ServerResponse, code: number, body: Buffer): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'no-cache, private' });
  res.end(body);
}

/** Like sendJsonBytes, for a body in pieces (written corked, so the socket sees one write). */
export function sendJsonParts(res: ServerResponse, code: number, parts: Buffer[]): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const length = parts.reduce((n, p) => n + p.length, 0);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': length, 'Cache-Control': 'no-cache, private' });
  res.cork();
  for (const p of parts) res.write(p);
  res.end();
  res.uncork();
}

/** Answers with the Status for `err` (or just closes the stream if a response already started). */
export function sendError(res: ServerResponse, err: unknown): void {
  // A client that went away (aborted body, reset) gets no answer and is not worth a log line.
  if (res.destroyed) return;
  const e = toKubeError(err);
  if (e.code === 500) console.error('[sim/kube] internal error', err);
  sendJson(res, e.code, statusOf(e));
}
