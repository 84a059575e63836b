import { bucketChanges } from '@/lib/ui/change-buckets';
import type { ChangeCategory } from '@/lib/history/change-types';
import { CATEGORY_STYLE } from './category-style';

export interface ChangeHistogramProps {
  items: readonly { at: string; category: ChangeCategory }[];
  from: number;
  to: number;
  /** Stretches without history, drawn hatched. */
  gaps: readonly { from: string; to?: string }[];
}

const W = 720;
const H = 64;
const BUCKETS = 60;

/** Changes over the window, stacked by category: when did things change, at a glance. */
export function ChangeHistogram({ items, from, to, gaps }: ChangeHistogramProps) {
  const buckets = bucketChanges(items, from, to, BUCKETS);
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const bw = W / BUCKETS;
  const x = (t: number) => ((t - from) / (to - from)) * W;
  const fmt = (t: number) => new Date(t).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>Changes over time ({items.length} shown)</span>
        <span>{fmt(from)} – {fmt(to)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Changes per time bucket, stacked by category" className="h-16 w-full" preserveAspectRatio="none">
        <defs>
          <pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="3" height="6" className="fill-slate-300 dark:fill-slate-700" />
          </pattern>
        </defs>
        {gaps.map((g) => {
          const a = Math.max(0, x(Date.parse(g.from)));
          const b = Math.min(W, x(g.to ? Date.parse(g.to) : to));
          return b > a ? <rect key={g.from} x={a} y={0} width={b - a} height={H} fill="url(#gap-hatch)" data-testid="history-gap" /> : null;
        })}
        {buckets.map((b, i) => {
          let y = H;
          return (Object.entries(b.byCategory) as [ChangeCategory, number][]).map(([cat, n]) => {
            const h = (n / max) * (H - 2);
            y -= h;
            return (
              <rect key={`${i}-${cat}`} x={i * bw + 0.5} y={y} width={bw - 1} height={h} fill={CATEGORY_STYLE[cat].fill}>
                <title>{`${fmt(b.start)}: ${n} ${CATEGORY_STYLE[cat].label.toLowerCase()} change${n === 1 ? '' : 's'}`}</title>
              </rect>
            );
          });
        })}
      </svg>
    </figure>
  );
}
