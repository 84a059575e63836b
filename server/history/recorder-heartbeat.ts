import 'server-only';
import type { ChangeStore, HistoryGap } from './types';

export interface RecorderHeartbeatOptions {
  /** The store, when it can be had (the recording replica's). */
  store(): Promise<ChangeStore>;
  /** Whether this replica records now; only the recorder beats. */
  held(): boolean;
  everyMs?: number;
  /** A silence longer than this since the last beat is a gap (a handover within it is covered by the takeover). */
  gapAfterMs?: number;
  now?: () => Date;
  onGap?: (gap: HistoryGap) => void;
  onError?: (err: unknown) => void;
}

/**
 * The recorder's pulse in the store. When a recorder starts (or takes the
 * lease over) and the last beat is older than gapAfterMs, nobody recorded
 * in between: the first sync cannot tell what changed then, so the history
 * says it has a gap from the last beat to now.
 */
export function startRecorderHeartbeat(o: RecorderHeartbeatOptions): { stop(): void } {
  const everyMs = o.everyMs ?? 15_000;
  const gapAfterMs = o.gapAfterMs ?? 45_000;
  const now = o.now ?? (() => new Date());
  let wasHeld = false;
  let busy = false;
  const beat = async () => {
    if (busy) return;
    const held = o.held();
    const fresh = held && !wasHeld;
    wasHeld = held;
    if (!held) return;
    busy = true;
    try {
      const store = await o.store();
      const at = now();
      const prev = await store.beat(at.toISOString());
      if (fresh && prev && at.getTime() - Date.parse(prev) > gapAfterMs) {
        const gap = { from: prev, to: at.toISOString(), reason: 'no dashboard was recording' };
        await store.recordGap(gap);
        o.onGap?.(gap);
      }
    } catch (err) {
      // The next beat tries again; a takeover not yet checked stays to be checked.
      if (fresh) wasHeld = false;
      o.onError?.(err);
    } finally {
      busy = false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
