import Link from 'next/link';
import { workspaceTopologyHref } from '@/lib/api/workspace-overview';
import { linkClass, panelClass } from '@/components/ui/table-styles';
import type { WorkspaceRow } from './workspaces-view';
import { WorkspaceHealth, WorkspaceMatches } from './workspace-health';

/** The caller's role in a workspace, in words. */
export function RoleBadge({ role }: { role: string }) {
  return (
    <span className="rounded-full bg-brand-500/10 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-sky-400/10 dark:text-sky-300">
      <span className="sr-only">your role: </span>
      {role}
    </span>
  );
}

/** Selectors as code chips. */
export function SelectorList({ selectors }: { selectors: readonly string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Selectors">
      {selectors.map((s) => (
        <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">{s}</li>
      ))}
    </ul>
  );
}

/** One workspace in the list: description, selectors, role, what it matches now and its services' health. */
export function WorkspaceCard({ row }: { row: WorkspaceRow }) {
  const { summary, overview } = row;
  const headingId = `ws-${summary.name}`;
  return (
    <article aria-labelledby={headingId} className={`${panelClass} space-y-3 p-4`} data-testid="workspace-card">
      <header className="flex items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            <Link href={`/workspaces?workspace=${encodeURIComponent(summary.name)}`} className={linkClass}>{summary.name}</Link>
          </h2>
          {summary.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{summary.description}</p> : null}
        </div>
        <RoleBadge role={summary.role} />
      </header>
      <SelectorList selectors={summary.selectors} />
      <WorkspaceMatches overview={overview} />
      <WorkspaceHealth overview={overview} error={row.healthError} />
      {overview ? (
        <Link href={workspaceTopologyHref(overview)} className={`${linkClass} text-sm`} aria-label={`Topology of ${summary.name}`}>
          Topology →
        </Link>
      ) : null}
    </article>
  );
}
