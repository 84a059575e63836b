import 'server-only';
import type { ChangeInput } from './types';

export interface HandoverSinkOptions {
  /** Whether this replica records now (the writer lease). */
  held(): boolean;
  /** Where recorded entries go (the history writer). */
  write(inputs: readonly ChangeInput[]): void;
  /** The time of the newest stored entry: what the previous recorder got to. */
  newestStoredAt(): Promise<string | undefined>;
  /** How long a replica that does not record keeps what it saw, for a takeover. */
  keepMs?: number;
  /** At most this many kept entries (the oldest go first). */
  maxKept?: number;
  now?: () => number;
}

/**
 * The recorder's sink on a replica that may or may not hold the writer
 * lease. While another replica records, what this one sees is kept for a
 * while; when it takes the lease over (the recorder stopped or died), it
 * writes the kept entries newer than the newest stored one, so a change in
 * the seconds of the handover is not lost.
 */
export class HandoverSink {
  private kept: ChangeInput[] = [];
  private readonly keepMs: number;
  private readonly maxKept: number;
  private readonly now: () => number;

  constructor(private readonly o: HandoverSinkOptions) {
    this.keepMs = o.keepMs ?? 60_000;
    this.maxKept = o.maxKept ?? 20_000;
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
    const newest = await this.o.newestStoredAt().catch(() => undefined);
    const since = newest ? Date.parse(newest) : -Infinity;
    const missed = kept.filter((e) => Date.parse(e.at) > since);
    if (missed.length) this.o.write(missed);
    return missed.length;
  }
}
