import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from './backoff';
import { builtinKinds } from './kinds';
import { KubeHttpError, type KubeClient } from './kube-client';
import { ListGate } from './list-gate';
import { ListWatch, type ListWatchSink } from './list-watch';

/** A client whose list answers at resourceVersion 42 and whose watches never say anything. */
function silentClient() {
  const calls = { lists: 0, watches: [] as string[] };
  const client = {
    getJson: async () => {
      calls.lists++;
      return { items: [], metadata: { resourceVersion: '42' } };
    },
    stream: (path: string, onOpen: () => void, _onLine: (l: string) => void, signal: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        calls.watches.push(new URLSearchParams(path.split('?')[1]).get('resourceVersion') ?? '');
        onOpen();
        signal.addEventListener('abort', () => reject(signal.reason ?? new Error('aborted')), { once: true });
      }),
  } as unknown as KubeClient;
  return { client, calls };
}

const sink: ListWatchSink = { replace: () => {}, set: () => {}, drop: () => {}, statusChanged: () => {} };

describe('ListWatch', () => {
  it('resumes a silent watch from its resourceVersion instead of relisting', async () => {
    const { client, calls } = silentClient();
    const spec = builtinKinds().find((k) => k.kind === 'Namespace')!;
    // staleAfter 4 s -> server time-out 2 s; the watchdog fires 50 ms after that.
    const lw = new ListWatch(client, spec, { staleAfterMs: 4_000, backoff: DEFAULT_BACKOFF, watchdogGraceMs: 50 }, sink);
    lw.start();
    try {
      await expect.poll(() => calls.watches.length, { timeout: 8_000, interval: 100 }).toBeGreaterThanOrEqual(2);
      expect(calls.lists).toBe(1);
      expect(calls.watches.slice(0, 2)).toEqual(['42', '42']);
    } finally {
      lw.stop();
    }
  });

  describe('with a ListGate', () => {
    const kinds = builtinKinds();
    const fastBackoff = { baseMs: 10, maxMs: 20 };

    it('never runs more lists at once than the gate allows, and every kind syncs', async () => {
      const gate = new ListGate(2, 60_000);
      let inList = 0;
      let peak = 0;
      const client = {
        getJson: async () => {
          inList++;
          peak = Math.max(peak, inList);
          await new Promise((r) => setTimeout(r, 10));
          inList--;
          return { items: [], metadata: { resourceVersion: '1' } };
        },
        stream: (_p: string, onOpen: () => void, _l: unknown, signal: AbortSignal) =>
          new Promise<void>((_r, reject) => {
            onOpen();
            signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          }),
      } as unknown as KubeClient;
      const watches = kinds.map((k) => new ListWatch(client, k, { staleAfterMs: 60_000, backoff: fastBackoff, gate }, sink));
      watches.forEach((w) => w.start());
      try {
        await Promise.all(watches.map((w) => w.firstAttempt));
        expect(watches.every((w) => w.status.synced)).toBe(true);
        expect(peak).toBe(2);
        expect(gate.inFlight).toBe(0);
      } finally {
        watches.forEach((w) => w.stop());
      }
    });

    it('gives the slot back when a list fails, and a stopped waiter leaves the queue', async () => {
      const gate = new ListGate(1, 60_000);
      const failing = { getJson: async () => Promise.reject(new KubeHttpError(500, 'boom')), stream: async () => undefined } as unknown as KubeClient;
      const { client: healthy } = silentClient();
      const bad = new ListWatch(failing, kinds[0]!, { staleAfterMs: 60_000, backoff: { baseMs: 60_000, maxMs: 60_000 }, gate }, sink);
      const good = new ListWatch(healthy, kinds[1]!, { staleAfterMs: 60_000, backoff: fastBackoff, gate }, sink);
      bad.start();
      good.start();
      try {
        await bad.firstAttempt;
        await good.firstAttempt;
        expect(bad.status.failure?.status).toBe(500);
        expect(good.status.synced).toBe(true);
        expect(gate.inFlight).toBe(0);
        const held = await gate.acquire();
        const waiting = new ListWatch(healthy, kinds[2]!, { staleAfterMs: 60_000, backoff: fastBackoff, gate }, sink);
        waiting.start();
        await new Promise((r) => setTimeout(r, 20));
        expect(gate.queued).toBe(1);
        waiting.stop();
        await new Promise((r) => setTimeout(r, 0));
        expect(gate.queued).toBe(0);
        held();
      } finally {
        bad.stop();
        good.stop();
      }
    });

    it('relists after 410 Gone at once, even when the gate is full', async () => {
      const gate = new ListGate(1, 60_000);
      let lists = 0;
      let expire!: () => void;
      const client = {
        getJson: async () => {
          lists++;
          return { items: [], metadata: { resourceVersion: String(lists) } };
        },
        stream: (_p: string, onOpen: () => void, onLine: (l: string) => void, signal: AbortSignal) =>
          new Promise<void>((resolve, reject) => {
            onOpen();
            if (lists === 1) expire = () => (onLine(JSON.stringify({ type: 'ERROR', object: { code: 410, message: 'too old' } })), resolve());
            signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          }),
      } as unknown as KubeClient;
      const lw = new ListWatch(client, kinds[0]!, { staleAfterMs: 60_000, backoff: fastBackoff, gate }, sink);
      lw.start();
      try {
        await lw.firstAttempt;
        await expect.poll(() => expire !== undefined).toBe(true);
        const held = await gate.acquire();
        expire();
        await expect.poll(() => lists, { timeout: 2_000 }).toBe(2);
        expect(gate.queued).toBe(0);
        held();
      } finally {
        lw.stop();
      }
    });
  });
});
