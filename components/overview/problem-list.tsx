import Link from 'next/link';
import type { Problem, ProblemSeverity } from '@/lib/ui/problems';

export interface ProblemListProps {
  problems: Problem[];
  /** Sources that could not be read, so "no problems" is not claimed for them. */
  missing: string[];
  /** Sources still loading: what they would say is not known yet. */
  pending?: string[];
}

const BADGE: Record<ProblemSeverity, string> = {
  critical: 'bg-fail/15 text-red-800 dark:text-red-300',
  warning: 'bg-warn/20 text-amber-900 dark:text-amber-200',
  info: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
};

/** What is broken now, in triage order, each linking to where it shows (configuration findings are listed apart). */
export function ProblemList({ problems, missing, pending = [] }: ProblemListProps) {
  return (
    <section aria-labelledby="problems-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="problems-heading" className="mb-3 text-sm font-semibold">
        Problems now <span className="font-normal text-slate-500 dark:text-slate-400">({problems.length})</span>
      </h2>
      {problems.length === 0 && pending.length > 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status" data-testid="problems-pending">Checking {pending.join(', ')}…</p>
      ) : problems.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing is broken now: every cluster is reachable, proxies are in sync, roots of trust agree and no service is failing or degraded.</p>
      ) : (
        <ol className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="problem-list">
          {problems.map((p) => (
            <li key={p.id} className="flex items-start gap-3 py-2 text-sm" data-severity={p.severity} data-kind={p.kind}>
              <span className={`mt-0.5 w-20 shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-semibold uppercase ${BADGE[p.severity]}`}>{p.severity}</span>
              <div className="min-w-0">
                <Link href={p.href} className="font-medium hover:underline">
                  {p.title}
                </Link>
                {p.detail ? <p className="truncate text-xs text-slate-600 dark:text-slate-400" title={p.detail}>{p.detail}</p> : null}
                {p.topologyHref ? <Link href={p.topologyHref} className="text-xs text-brand-600 hover:underline dark:text-sky-300">Show in topology</Link> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {missing.length > 0 ? <p className="mt-3 text-xs text-amber-700 dark:text-amber-300">Not checked: {missing.join('; ')}.</p> : null}
    </section>
  );
}
