import 'server-only';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encodeCursor } from '../history/change-cursor';
import type { ChangeQuery, ChangeStore } from '../history/types';
import { percentiles, type Percentiles } from './stats';

/** What the query shapes need to know about the store's contents. */
export interface HistoryShapeContext {
  /** Simulated time just after the newest entry. */
  end: Date;
  /** A cluster of the fleet. */
  cluster: string;
  /** A service with a churning VirtualService (an entry every 3 s). */
  busyService: string;
  /** A service that only sees the occasional rollout. */
  quietService: string;
}

/** One /api/v1/changes shape as the store is asked it. */
export interface QueryShape {
  name: string;
  /** The request it stands for. */
  request: string;
  query: ChangeQuery;
}

const iso = (end: Date, minusMs: number) => new Date(end.getTime() - minusMs).toISOString();
const H = 3_600_000;

/**
 * The shapes of /api/v1/changes: what the changes page asks (its default
 * window is the last 24 h, 100 a page), the service charts' markers (31
 * minutes, 200), category and time filters, a scoped caller's `visible`
 * selectors, and paging from a cursor deep in the history.
 */
export function queryShapes(c: HistoryShapeContext, newestId: number): QueryShape[] {
  const day = iso(c.end, 24 * H);
  // A cursor 90% of the way down the history (ids are dense: this store is only appended to).
  const deep = encodeCursor(String(Math.max(2, Math.floor(newestId * 0.1))));
  const scoped = [
    { cluster: 'us-east-1-*', namespace: 'team-00*' },
    { cluster: 'eu-*', namespace: 'team-001' },
    { cluster: '*', namespace: 'team-009' },
  ];
  return [
    { name: 'newest page, unfiltered', request: '?limit=100', query: { limit: 100 } },
    { name: 'newest page, last 24 h (the page\'s default)', request: '?from=-24h', query: { from: day, limit: 100 } },
    { name: 'by cluster, 24 h', request: `?cluster=${c.cluster}&from=-24h`, query: { clusters: [c.cluster], from: day, limit: 100 } },
    { name: 'by service, busy, 31 min (chart markers)', request: `?service=${c.busyService}&from=-31m&limit=200`, query: { service: c.busyService, from: iso(c.end, 31 * 60_000), limit: 200 } },
    { name: 'by service, quiet, 24 h', request: `?service=${c.quietService}&from=-24h`, query: { service: c.quietService, from: day, limit: 100 } },
    { name: 'category workload, one hour 2 h ago', request: '?category=workload&from=-2h&to=-1h', query: { categories: ['workload'], from: iso(c.end, 2 * H), to: iso(c.end, H), limit: 100 } },
    { name: 'category config, one hour 2 h ago', request: '?category=config&from=-2h&to=-1h', query: { categories: ['config'], from: iso(c.end, 2 * H), to: iso(c.end, H), limit: 100 } },
    { name: 'category trust (none recorded), 24 h', request: '?category=trust&from=-24h', query: { categories: ['trust'], from: day, limit: 100 } },
    { name: 'scoped caller: 3 workspaces with globs, 24 h', request: `visible ${scoped.map((s) => `${s.cluster}/${s.namespace}`).join(', ')}`, query: { visible: scoped, from: day, limit: 100 } },
    { name: 'scoped caller: one narrow workspace, 24 h', request: 'visible sa-east-1-*/team-005', query: { visible: [{ cluster: 'sa-east-1-*', namespace: 'team-005' }], from: day, limit: 100 } },
    { name: 'cursor 90% deep, unfiltered', request: `?cursor=<id ${Math.floor(newestId * 0.1)}>`, query: { cursor: deep, limit: 100 } },
    { name: 'cursor 90% deep, category workload', request: '?category=workload&cursor=<same>', query: { cursor: deep, categories: ['workload'], limit: 100 } },
  ];
}

export interface QueryLatency {
  name: string;
  request: string;
  /** Items of the (last) answer. */
  items: number;
  ms: Percentiles;
  /** Longest the event loop was held while the shape ran: PGlite runs a query on this thread, a server does not. */
  loopBlockedMaxMs: number;
}

/** Each shape `reps` times after 2 warm-ups, back to back; a shape stops early after `maxSecondsPerShape`. */
export async function measureQueries(store: ChangeStore, shapes: readonly QueryShape[], reps: number, maxSecondsPerShape: number): Promise<QueryLatency[]> {
  const out: QueryLatency[] = [];
  for (const s of shapes) {
    for (let i = 0; i < 2; i++) await store.query(s.query);
    const ms: number[] = [];
    let items = 0;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const t0 = performance.now();
    while (ms.length < reps && performance.now() - t0 < maxSecondsPerShape * 1000) {
      const q0 = performance.now();
      const page = await store.query(s.query);
      ms.push(performance.now() - q0);
      items = page.items.length;
      // A turn of the loop between runs, so the delay monitor's timer can see each run's stretch.
      await new Promise((r) => setTimeout(r, 10));
    }
    loop.disable();
    out.push({ name: s.name, request: s.request, items, ms: percentiles(ms), loopBlockedMaxMs: Number((loop.max / 1e6).toFixed(1)) });
  }
  return out;
}

/** Following `next` from the newest page, `pages` pages of `limit`: each page's time, and how deep the last one was. */
export async function measurePaging(store: ChangeStore, pages: number, limit: number, filter: Omit<ChangeQuery, 'limit' | 'cursor'> = {}): Promise<{ pages: number; entriesDeep: number; ms: Percentiles }> {
  const ms: number[] = [];
  let cursor: string | undefined;
  let seen = 0;
  for (let i = 0; i < pages; i++) {
    const t0 = performance.now();
    const page = await store.query({ ...filter, limit, ...(cursor ? { cursor } : {}) });
    ms.push(performance.now() - t0);
    seen += page.items.length;
    cursor = page.next;
    if (!cursor) break;
  }
  return { pages: ms.length, entriesDeep: seen, ms: percentiles(ms) };
}
