import 'server-only';
import type { ChangeInput } from './types';

export interface HandoverSinkOptions {
  /** Whether this replica records now (the writer lease). */
  held(): boolean;
  /** Where recorded entries go (the history writer). */
  write(inputs: readonly ChangeInput[]): void;
  /** Stored entries observed at or after `from` (ISO): what the previous recorder wrote. */
  storedSince(from: string): Promise<readonly ChangeInput[]>;
  /** How long a replica that does not record keeps what it saw, for a takeover. */
  keepMs?: number;
  /** At most this many kept entries (the oldest go first). */
  maxKept?: number;
  /** Two replicas see one watch event at slightly different times: entries this close are the same change. */
  sameChangeWithinMs?: number;
  now?: () => number;
}

/**
 * The recorder's sink on a replica that may or may not hold the writer
 * lease. While another replica records, what this one sees is kept for a
 * while; when it takes the lease over (the recorder stopped or died), it
 * writes the kept entries the previous recorder did not store, so a change
 * in the seconds of the handover is not lost. "Did not store" is decided by
 * the change itself (object, action, summary) near the same time, one stored
 * entry for one kept entry: each replica stamps its own observation time, so
 * comparing times alone wrote a change twice when this replica saw it a
 * millisecond later than the recorder.
 */
export class HandoverSink {
  private kept: ChangeInput[] = [];
  private readonly keepMs: number;
  private readonly maxKept: number;
  private readonly sameWithinMs: number;
  private readonly now: () => number;

  constructor(private readonly o: HandoverSinkOptions) {
    this.keepMs = o.keepMs ?? 60_000;
    this.maxKept = o.maxKept ?? 20_000;
    this.sameWithinMs = o.sameChangeWithinMs ?? 10_000;
    this.now = o.now ?? Date.now;
  }

  record(inputs: readonly ChangeInput[]): void {
    if (this.o.held()) return this.o.write(inputs);
    this.kept.push(...inputs);
    const cutoff = this.now() - this.keepMs;
    let drop = Math.max(0, this.kept.length - this.maxKept);
    while (drop < this.kept.length && Date.parse(this.kept[drop]!.at) < cutoff) drop++;
    if (drop > 0) this.kept = this.kept.slice(drop);
  }

  /** Call when the lease is taken: writes what the previous recorder had not. */
  async tookOver(): Promise<number> {
    const kept = this.kept;
    this.kept = [];
    if (kept.length === 0) return 0;
    const oldest = Date.parse(kept[0]!.at);
    const stored = await this.o.storedSince(new Date(oldest - this.sameWithinMs).toISOString()).catch(() => []);
    const unmatched = new Map<string, number[]>();
    for (const e of stored) {
      const k = identity(e);
      const times = unmatched.get(k);
      if (times) times.push(Date.parse(e.at));
      else unmatched.set(k, [Date.parse(e.at)]);
    }
    const missed = kept.filter((e) => {
      const times = unmatched.get(identity(e));
      const at = Date.parse(e.at);
      const i = times?.findIndex((t) => Math.abs(t - at) <= this.sameWithinMs) ?? -1;
      if (i < 0) return true;
      times!.splice(i, 1);
      return false;
    });
    if (missed.length) this.o.write(missed);
    return missed.length;
  }
}

const identity = (e: ChangeInput): string => [e.cluster, e.kind, e.namespace ?? '', e.name, e.action, e.summary].join('\u0000');
