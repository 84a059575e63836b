import Link from 'next/link';

export interface OverviewCountsProps {
  counts: { label: string; value: number | undefined; href: string }[];
}

/** A row of headline numbers, each a link to its list. */
export function OverviewCounts({ counts }: OverviewCountsProps) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {counts.map((c) => (
        <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
          <dt className="text-xs text-slate-500 dark:text-slate-400">{c.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <Link href={c.href} className="hover:text-brand-600" data-testid={`count-${c.label.toLowerCase()}`}>
              {c.value === undefined ? '…' : c.value.toLocaleString('en-US')}
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
