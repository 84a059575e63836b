import type { ChangeCategory } from '@/lib/history/change-types';

export interface ChangeBucket {
  /** Start of the bucket, ms since the epoch. */
  start: number;
  total: number;
  byCategory: Partial<Record<ChangeCategory, number>>;
}

/** Counts changes into `count` equal buckets over [from, to): the timeline's histogram. */
export function bucketChanges(items: readonly { at: string; category: ChangeCategory }[], from: number, to: number, count: number): ChangeBucket[] {
  const width = Math.max(1, (to - from) / count);
  const buckets: ChangeBucket[] = Array.from({ length: count }, (_, i) => ({ start: from + i * width, total: 0, byCategory: {} }));
  for (const c of items) {
    const t = Date.parse(c.at);
    if (!(t >= from && t < to)) continue;
    const b = buckets[Math.min(count - 1, Math.floor((t - from) / width))]!;
    b.total++;
    b.byCategory[c.category] = (b.byCategory[c.category] ?? 0) + 1;
  }
  return buckets;
}
