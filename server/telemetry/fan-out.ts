import 'server-only';
import type { Matcher } from './promql/escape';
import pLimit, { type LimitFunction } from 'p-limit';
import { PromQueryError, queryInstant, queryRange, type PromSample, type PromSeries } from './prometheus-client';
import { QueryCache } from './query-cache';
import { forEachSliced } from './slices';
import type { TelemetrySource, TelemetrySources } from './telemetry-sources';

/** What a query builder needs to know about the source it is built for. */
export interface QueryContext {
  mode: 'global' | 'per-cluster';
  /** Global mode: the label naming the cluster; add it to the grouping. */
  clusterLabel?: string;
  /** Global mode: restricts series to the asked clusters (empty: every cluster). */
  clusterMatchers: Matcher[];
}

/** Builds the PromQL for one source; called once per source so global mode can group by the cluster label. */
export type QueryBuilder = (ctx: QueryContext) => string;

/** How telemetry stands for one cluster in one answer. */
export interface TelemetryClusterState {
  state: 'ok' | 'unavailable' | 'not-configured' | 'disabled';
  reason?: string;
  /** The id of the telemetry source that serves the cluster ('global' or the cluster's perCluster key), never its URL. */
  source?: string;
}

/** An instant sample, tagged with the cluster whose Prometheus (or cluster label) it came from. */
export interface TaggedSample extends PromSample {
  scrapeCluster?: string;
}

export interface TaggedSeries extends PromSeries {
  scrapeCluster?: string;
}

/** Samples from every source that answered, and each asked cluster's telemetry state. */
export interface FanOut<S> {
  samples: S[];
  clusters: Record<string, TelemetryClusterState>;
}

export interface TelemetryClientOptions {
  cacheSeconds: number;
  maxConcurrency: number;
}

/** Why a source failed, with its address and credentials replaced by its id: reasons reach scoped callers and share links. */
export function reasonOf(err: unknown, s: TelemetrySource): string {
  const text = err instanceof PromQueryError ? `Prometheus ${err.kind.replace('_', ' ')}: ${err.message}` : `Prometheus query failed: ${(err as Error).message}`;
  return redactEndpoint(text, s);
}

function redactEndpoint(text: string, s: TelemetrySource): string {
  let url: URL | undefined;
  try {
    url = new URL(s.endpoint.url);
  } catch {
    url = undefined;
  }
  const secrets = [s.endpoint.url, url?.origin, url?.host, url?.hostname, url?.username, url?.password, ...Object.values(s.endpoint.headers).filter((h) => /^(Bearer|Basic) /.test(h)).map((h) => h.slice(h.indexOf(' ') + 1))];
  let out = text;
  for (const x of secrets.filter((v): v is string => !!v && v.length >= 3).sort((a, b) => b.length - a.length)) out = out.split(x).join(`<telemetry source ${s.id}>`);
  // Socket errors name the peer as ip:port (ECONNREFUSED 127.0.0.1:9090), which the URL may spell as a host name.
  return out.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\[[0-9a-f:]+\](?::\d+)?/gi, `<telemetry source ${s.id}>`);
}

/**
 * Sends PromQL to every source that serves the asked clusters: one query in
 * global mode, one per cluster otherwise, at most `maxConcurrency` at once.
 * A failed or slow source marks only its clusters unavailable; answers are
 * cached for about one scrape interval and identical queries in flight are joined.
 */
export class TelemetryClient {
  private readonly cache: QueryCache<unknown[]>;
  private readonly limit: LimitFunction;

  constructor(
    readonly config: TelemetrySources & { broken?: Record<string, string> },
    opts: TelemetryClientOptions,
  ) {
    // Served up to one more TTL old while refreshed in the background: no request waits on Prometheus every TTL.
    this.cache = new QueryCache(opts.cacheSeconds * 1000, 5_000, Date.now, opts.cacheSeconds * 1000);
    this.limit = pLimit(opts.maxConcurrency);
  }

  get mode(): TelemetrySources['mode'] {
    return this.config.mode;
  }

  /** The sources serving `clusters` (all of them when empty) and the state of clusters no source serves. */
  plan(clusters: string[]): { sources: TelemetrySource[]; clusters: Record<string, TelemetryClusterState> } {
    const states: Record<string, TelemetryClusterState> = {};
    if (this.config.mode === 'none') {
      for (const c of clusters) states[c] = { state: 'disabled', reason: 'telemetry is not configured (telemetry.mode is none)' };
      return { sources: [], clusters: states };
    }
    if (this.config.mode === 'global') {
      const broken = this.config.broken?.global;
      for (const c of clusters) states[c] = broken ? { state: 'unavailable', reason: broken } : { state: 'ok', source: this.config.sources[0]?.id };
      return { sources: this.config.sources, clusters: states };
    }
    const wanted = new Set(clusters);
    const sources = this.config.sources.filter((s) => clusters.length === 0 || (s.cluster !== undefined && wanted.has(s.cluster)));
    for (const c of clusters) {
      const s = sources.find((x) => x.cluster === c);
      const broken = this.config.broken?.[c];
      states[c] = s ? { state: 'ok', source: s.id } : { state: broken ? 'unavailable' : 'not-configured', reason: broken ?? `no Prometheus configured for cluster ${c} (telemetry.perCluster)` };
    }
    return { sources, clusters: states };
  }

  private context(clusters: string[]): QueryContext {
    if (this.config.mode !== 'global') return { mode: 'per-cluster', clusterMatchers: [] };
    const label = this.config.clusterLabel ?? 'cluster';
    return { mode: 'global', clusterLabel: label, clusterMatchers: clusters.length ? [{ label, op: '=~', values: clusters }] : [] };
  }

  private async fan<S extends PromSample | PromSeries>(
    build: QueryBuilder,
    clusters: string[],
    key: string,
    run: (s: TelemetrySource, promql: string) => Promise<S[]>,
  ): Promise<FanOut<S & { scrapeCluster?: string }>> {
    const plan = this.plan(clusters);
    const ctx = this.context(clusters);
    const promql = build(ctx);
    // One list per source, joined in source order: the copies are sliced, so sources no longer finish in one step.
    const parts: Array<Array<S & { scrapeCluster?: string }>> = plan.sources.map(() => []);
    await Promise.all(
      plan.sources.map(async (s, i) => {
        try {
          const rows = (await this.cache.get(`${s.id}\u0000${key}\u0000${promql}`, () => this.limit(() => run(s, promql)))) as S[];
          const out = parts[i]!;
          await forEachSliced(rows, (r) => out.push({ ...r, scrapeCluster: s.cluster ?? (ctx.clusterLabel ? r.metric[ctx.clusterLabel] : undefined) }));
        } catch (err) {
          const reason = reasonOf(err, s);
          if (s.cluster) plan.clusters[s.cluster] = { state: 'unavailable', reason, source: s.id };
          else for (const c of Object.keys(plan.clusters)) plan.clusters[c] = { state: 'unavailable', reason, source: s.id };
        }
      }),
    );
    return { samples: parts.length === 1 ? parts[0]! : parts.flat(), clusters: plan.clusters };
  }

  /** An instant query at every source serving `clusters`. */
  instant(build: QueryBuilder, clusters: string[]): Promise<FanOut<TaggedSample>> {
    return this.fan(build, clusters, 'instant', (s, q) => queryInstant(s.endpoint, q));
  }

  /** A range query; start and end are aligned to the step so repeated views share cache entries. */
  range(build: QueryBuilder, clusters: string[], rangeSeconds: number, stepSeconds: number, nowSeconds = Date.now() / 1000): Promise<FanOut<TaggedSeries>> {
    const end = Math.floor(nowSeconds / stepSeconds) * stepSeconds;
    const start = end - rangeSeconds;
    return this.fan(build, clusters, `range ${start} ${end} ${stepSeconds}`, (s, q) => queryRange(s.endpoint, q, start, end, stepSeconds));
  }
}

/** Merges the per-cluster states of several fan-outs: a cluster is as bad as its worst answer. */
export function mergeTelemetryStates(...parts: Array<Record<string, TelemetryClusterState>>): Record<string, TelemetryClusterState> {
  const rank = { ok: 0, disabled: 1, 'not-configured': 2, unavailable: 3 } as const;
  const out: Record<string, TelemetryClusterState> = {};
  for (const p of parts) {
    for (const [c, s] of Object.entries(p)) {
      const prev = out[c];
      if (!prev || rank[s.state] > rank[prev.state]) out[c] = s;
    }
  }
  return out;
}
