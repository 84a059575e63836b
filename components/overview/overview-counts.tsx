import Link from 'next/link';

export interface OverviewCount {
  label: string;
  /** undefined: still loading; null: not known (the note and title say why). */
  value: number | null | undefined;
  href: string;
  /** A line under the number, e.g. what is known instead. */
  note?: string;
  title?: string;
}

export interface OverviewCountsProps {
  counts: OverviewCount[];
}

/** A row of headline numbers, each a link to its list. */
export function OverviewCounts({ counts }: OverviewCountsProps) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {counts.map((c) => (
        <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
          <dt className="text-xs text-slate-500 dark:text-slate-400">{c.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" title={c.title}>
            <Link href={c.href} className="hover:text-brand-600" data-testid={`count-${c.label.toLowerCase()}`}>
              {c.value === undefined ? '…' : c.value === null ? '—' : c.value.toLocaleString('en-US')}
            </Link>
          </dd>
          {c.note ? <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{c.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
