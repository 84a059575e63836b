import Link from 'next/link';
import type { StandingGroup } from '@/lib/ui/standing-findings';
import { plural } from '@/lib/ui/format';

export interface StandingFindingsProps {
  groups: StandingGroup[];
  /** All findings the analysis holds; the list shows the first page. */
  total?: number;
}

/** Istio's levels, drawn outlined: a configuration finding is not a live incident, whatever its level. */
const LEVEL: Record<StandingGroup['level'], string> = {
  Error: 'border-red-400 text-red-800 dark:border-red-700 dark:text-red-300',
  Warning: 'border-amber-400 text-amber-900 dark:border-amber-700 dark:text-amber-200',
  Info: 'border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300',
};

/** Standing configuration findings, grouped by code, each linking to its object in its cluster. */
export function StandingFindings({ groups, total }: StandingFindingsProps) {
  const count = groups.reduce((n, g) => n + g.findings.length, 0);
  return (
    <section aria-labelledby="findings-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="findings-heading" className="text-sm font-semibold">
          Configuration findings <span className="font-normal text-slate-500 dark:text-slate-400">({total !== undefined && total > count ? `${count} of ${total}` : count}, by Istio&apos;s analysis levels)</span>
        </h2>
        <Link href="/findings" className="text-xs text-brand-600 hover:underline dark:text-sky-300">All findings</Link>
      </div>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The analysis finds nothing in the configuration of the clusters it read.</p>
      ) : (
        <ul className="space-y-1" data-testid="standing-findings">
          {groups.map((g) => (
            <li key={g.code} data-code={g.code} data-level={g.level}>
              <details className="text-sm">
                <summary className="flex cursor-pointer items-center gap-2 py-1">
                  <span className={`w-16 shrink-0 rounded border px-1.5 py-0.5 text-center text-xs font-medium ${LEVEL[g.level]}`}>{g.level}</span>
                  <span className="font-mono text-xs">{g.code}</span>
                  <span className="font-medium">{g.name}</span>
                  <span className="text-xs text-slate-500 dark:text-slate-400">{plural(g.findings.length, 'finding')} in {g.clusters.join(', ') || 'no cluster'}</span>
                </summary>
                <ul className="mb-2 ml-20 space-y-1">
                  <li>
                    <Link href={`/findings?code=${g.code}`} className="text-xs text-brand-600 hover:underline dark:text-sky-300">Every {g.code} finding, with its fix</Link>
                  </li>
                  {g.findings.map((f) => (
                    <li key={f.id}>
                      <Link href={f.href} className="hover:underline">{f.message}</Link>
                      {f.clusters.length ? <span className="text-xs text-slate-500 dark:text-slate-400"> · {f.clusters.join(', ')}</span> : null}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
