import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from './backoff';
import { builtinKinds } from './kinds';
import type { KubeClient } from './kube-client';
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

const sink: ListWatchSink = { replace: () => {}, set: () => {}, statusChanged: () => {} };

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
});
