/**
 * 1,000 concurrent SSE clients of /api/v1/events held for a bounded time
 * while one object changes every second: the dashboard's resident memory
 * before/with the clients, and the delay from each change to each client.
 */
import { treeRssMiB } from './proc-mem';
import { applyProbe, openSse, probeKey, type SseClient } from './sse-client';
import { percentiles, type Percentiles } from './stats';

export interface SseFanoutResult {
  clients: number;
  connected: number;
  holdSeconds: number;
  changes: number;
  /** deliveries expected (clients x changes) that did not arrive */
  missed: number;
  rssBeforeMiB: number;
  rssWithClientsMiB: number;
  rssPeakMiB: number;
  /** change applied -> event at each client, ms, over all clients and changes */
  delayMs: Percentiles;
  connectSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureSseFanout(nextUrl: string, nextPid: number, adminUrl: string, cluster: string, clients: number, holdSeconds: number): Promise<SseFanoutResult> {
  const key = probeKey(cluster);
  const rssBeforeMiB = treeRssMiB(nextPid);
  // Per change: when it was applied; each client records when it saw it.
  const appliedAt: number[] = [];
  const delays: number[] = [];
  let received = 0;
  const conns: SseClient[] = [];
  // The k-th probe event a client sees is the k-th change (one change a second never coalesces).
  const client = () => {
    let k = 0;
    return (e: { keys: string[] }, at: number) => {
      if (!e.keys.includes(key)) return;
      const t = appliedAt[k++];
      if (t === undefined) return;
      delays.push(at - t);
      received++;
    };
  };
  const c0 = performance.now();
  let connected = 0;
  try {
    // In batches, so the connect storm itself stays bounded.
    for (let i = 0; i < clients; i += 100) {
      const batch = Array.from({ length: Math.min(100, clients - i) }, () => openSse(`${nextUrl}/api/v1/events`, client()));
      conns.push(...batch);
      const r = await Promise.allSettled(batch.map((b) => Promise.race([b.opened, sleep(30_000).then(() => Promise.reject(new Error('timeout')))])));
      connected += r.filter((x) => x.status === 'fulfilled').length;
    }
    const connectSeconds = (performance.now() - c0) / 1000;
    await sleep(1000);
    const rssWithClientsMiB = treeRssMiB(nextPid);
    let rssPeakMiB = rssWithClientsMiB;
    const end = performance.now() + holdSeconds * 1000;
    let changes = 0;
    while (performance.now() < end) {
      appliedAt.push(performance.now());
      await applyProbe(adminUrl, cluster, Date.now());
      changes++;
      await sleep(1000);
      rssPeakMiB = Math.max(rssPeakMiB, treeRssMiB(nextPid));
    }
    await sleep(2000);
    return {
      clients,
      connected,
      holdSeconds,
      changes,
      missed: connected * changes - received,
      rssBeforeMiB,
      rssWithClientsMiB,
      rssPeakMiB,
      delayMs: percentiles(delays),
      connectSeconds: Number(connectSeconds.toFixed(1)),
    };
  } finally {
    for (const c of conns) c.close();
  }
}
