/**
 * The bounded list of recent watch events of one cluster, like etcd's history
 * before compaction: a watch or continue token from a resourceVersion still in
 * it can be served; an older one is answered with 410 Expired.
 */
import type { KubeObject, StoreEvent } from './types';

/** A store event plus what the object looked like before it (to rebuild older snapshots). */
export interface HistoryEvent extends StoreEvent {
  /** `group/kind` of the object. */
  typeKey: string;
  prev?: KubeObject;
}

export class EventHistory {
  private events: HistoryEvent[] = [];
  /** Every event with resourceVersion > compactedRv is retained. */
  compactedRv = 0;

  constructor(private maxEvents: number) {}

  get limit(): number {
    return this.maxEvents;
  }

  /** Changes how many events are kept (the watch-expiry fault keeps only a few). */
  setLimit(limit: number): void {
    this.maxEvents = Math.max(0, limit);
    this.trimTo(this.maxEvents);
  }

  push(e: HistoryEvent): void {
    this.events.push(e);
    // Trim in batches so a full history does not shift the array on every write.
    if (this.events.length > this.maxEvents + Math.max(1, Math.floor(this.maxEvents / 10))) this.trimTo(this.maxEvents);
  }

  /** Forgets everything up to `rv` (inclusive): watches and continue tokens from before it get 410. */
  compact(rv: number): void {
    this.events = this.events.filter((e) => e.resourceVersion > rv);
    this.compactedRv = Math.max(this.compactedRv, rv);
  }

  /** Events after `rv`, oldest first; undefined when `rv` is older than the retained history. */
  since(rv: number): HistoryEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.events[mid]?.resourceVersion ?? 0) <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  get size(): number {
    return this.events.length;
  }

  private trimTo(keep: number): void {
    const drop = this.events.length - keep;
    if (drop <= 0) return;
    this.compactedRv = this.events[drop - 1]?.resourceVersion ?? this.compactedRv;
    this.events = this.events.slice(drop);
  }
}
