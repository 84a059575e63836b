import 'server-only';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { PromEndpointConfig } from '../config/schema';
import { parsePromAnswer } from './prom-answer-parse';
import { forEachSliced, runPaced } from './slices';

/** One sample of an instant vector. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

/** One series of a range query. */
export interface PromSeries {
  metric: Record<string, string>;
  values: Array<[number, number]>;
}

export type PromFailureKind = 'unreachable' | 'timeout' | 'unauthorized' | 'http' | 'bad_query' | 'bad_data';

/** A failed query, with what kind of failure it was for the envelope's reason. */
export class PromQueryError extends Error {
  constructor(
    readonly kind: PromFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'PromQueryError';
  }
}

/** How to reach one Prometheus-compatible endpoint, with secrets already loaded. */
export interface PromEndpoint {
  url: string;
  headers: Record<string, string>;
  ca?: string;
  timeoutMs: number;
}

/** Turns the config's endpoint (paths, token files) into a ready endpoint; reads files once. */
export function resolveEndpoint(cfg: PromEndpointConfig, timeoutMs: number, resolvePath: (p: string) => string): PromEndpoint {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = cfg.bearerToken ?? (cfg.bearerTokenFile ? readFileSync(resolvePath(cfg.bearerTokenFile), 'utf8').trim() : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  else if (cfg.basicAuth) headers.authorization = `Basic ${Buffer.from(`${cfg.basicAuth.username}:${cfg.basicAuth.password}`).toString('base64')}`;
  const ca = cfg.caFile ? readFileSync(resolvePath(cfg.caFile), 'utf8') : undefined;
  return { url: cfg.url.replace(/\/+$/, ''), headers, ca, timeoutMs };
}

function get(endpoint: PromEndpoint, path: string, params: URLSearchParams): Promise<{ status: number; body: string }> {
  const url = new URL(`${endpoint.url}${path}?${params.toString()}`);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(url, { headers: endpoint.headers, ca: endpoint.ca, timeout: endpoint.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => reject(new PromQueryError('unreachable', e.message)));
    });
    req.on('timeout', () => req.destroy(new PromQueryError('timeout', `no answer from ${endpoint.url} within ${endpoint.timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof PromQueryError ? e : new PromQueryError('unreachable', `${endpoint.url}: ${e.message}`)));
  });
}

interface PromApiAnswer {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: unknown };
}

async function call(endpoint: PromEndpoint, path: string, params: URLSearchParams, resultType: string): Promise<unknown[]> {
  const { status, body } = await get(endpoint, path, params);
  if (status === 401 || status === 403) throw new PromQueryError('unauthorized', `${endpoint.url} answered ${status}: check the credentials`);
  let answer: PromApiAnswer;
  try {
    // In slices: a topology answer at M is tens of MB of series.
    answer = (await runPaced(parsePromAnswer(body))) as PromApiAnswer;
  } catch {
    throw new PromQueryError(status >= 400 ? 'http' : 'bad_data', `${endpoint.url} answered ${status} with a body that is not JSON`);
  }
  if (answer.status !== 'success') {
    const kind = answer.errorType === 'bad_data' ? 'bad_query' : 'http';
    throw new PromQueryError(kind, `${endpoint.url}: ${answer.errorType ?? status}: ${answer.error ?? 'query failed'}`);
  }
  if (answer.data?.resultType !== resultType || !Array.isArray(answer.data.result)) {
    throw new PromQueryError('bad_data', `${endpoint.url} answered with ${answer.data?.resultType ?? 'no'} result, expected ${resultType}`);
  }
  return answer.data.result;
}

const toNumber = (v: unknown): number => (typeof v === 'string' ? Number(v) : NaN);

/** Runs an instant query; NaN samples (empty histogram buckets) are dropped. */
export async function queryInstant(endpoint: PromEndpoint, promql: string, timeSeconds?: number): Promise<PromSample[]> {
  const params = new URLSearchParams({ query: promql });
  if (timeSeconds !== undefined) params.set('time', String(timeSeconds));
  const result = await call(endpoint, '/api/v1/query', params, 'vector');
  const samples: PromSample[] = [];
  await forEachSliced(result as Array<{ metric?: Record<string, string>; value?: [number, string] }>, (r) => {
    const value = toNumber(r.value?.[1]);
    if (Number.isFinite(value)) samples.push({ metric: r.metric ?? {}, value });
  });
  return samples;
}

/** Runs a range query between two unix times with a step in seconds. */
export async function queryRange(endpoint: PromEndpoint, promql: string, start: number, end: number, stepSeconds: number): Promise<PromSeries[]> {
  const params = new URLSearchParams({ query: promql, start: String(start), end: String(end), step: String(stepSeconds) });
  const result = await call(endpoint, '/api/v1/query_range', params, 'matrix');
  const series: PromSeries[] = [];
  await forEachSliced(result as Array<{ metric?: Record<string, string>; values?: Array<[number, string]> }>, (r) => {
    series.push({ metric: r.metric ?? {}, values: (r.values ?? []).map(([t, v]) => [t, toNumber(v)] as [number, number]).filter(([, v]) => Number.isFinite(v)) });
  });
  return series;
}
