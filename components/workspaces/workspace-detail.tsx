import Link from 'next/link';
import { workspaceTopologyHref } from '@/lib/api/workspace-overview';
import { serviceHref } from '@/lib/ui/service-href';
import { EmptyState } from '@/components/ui/empty-state';
import { HealthBadge } from '@/components/ui/health-badge';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { RoleBadge, SelectorList } from './workspace-card';
import type { WorkspaceRow } from './workspaces-view';
import { WorkspaceHealth, WorkspaceMatches } from './workspace-health';

/** One workspace's overview: where it runs, its services' health, and the topology filtered to it. */
export function WorkspaceDetail({ row, shared }: { row: WorkspaceRow; shared: boolean }) {
  const { summary, overview } = row;
  return (
    <section aria-label={`Workspace ${summary.name}`} className="space-y-4">
      {shared ? (
        <p role="note" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-200">
          You are viewing this workspace through a share link: read-only, and only what is inside it.
        </p>
      ) : null}
      <div className={`${panelClass} space-y-3 p-4`}>
        <div className="flex flex-wrap items-center gap-3">
          <RoleBadge role={summary.role} />
          {summary.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{summary.description}</p> : null}
        </div>
        <SelectorList selectors={summary.selectors} />
        <WorkspaceMatches overview={overview} />
        <WorkspaceHealth overview={overview} error={row.healthError} />
        {overview ? (
          <Link href={workspaceTopologyHref(overview)} className={`${linkClass} inline-block text-sm font-medium`}>
            Open the topology of {summary.name} →
          </Link>
        ) : null}
      </div>
      {overview && overview.services.length === 0 ? <EmptyState title="No services in this workspace yet">Its selectors match no namespace with services right now.</EmptyState> : null}
      {overview && overview.services.length > 0 ? (
        <div className={`${panelClass} overflow-x-auto`}>
          <table className={tableClass} aria-label={`Services in ${summary.name}`}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>Service</th>
                <th scope="col" className={thClass}>Namespace</th>
                <th scope="col" className={thClass}>Clusters</th>
                <th scope="col" className={thClass}>Health</th>
              </tr>
            </thead>
            <tbody>
              {overview.services.map((s) => (
                <tr key={`${s.mesh}/${s.namespace}/${s.name}`} className={rowClass}>
                  <td className={tdClass}>
                    <Link href={serviceHref(s.namespace, s.name, s.mesh)} className={linkClass}>{s.name}</Link>
                  </td>
                  <td className={tdClass}>{s.namespace}</td>
                  <td className={`${tdClass} font-mono text-xs`}>{s.clusters.join(', ')}</td>
                  <td className={tdClass}><HealthBadge status={s.health} label={s.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
