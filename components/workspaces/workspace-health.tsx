import { HEALTH_STATUSES } from '@/lib/health/health-status';
import { plural } from '@/lib/ui/format';
import type { WorkspaceOverview } from '@/lib/api/workspace-overview';
import { HealthBadge } from '@/components/ui/health-badge';

/** How many of a workspace's services are in each health status, worst first; words, not only colour. */
export function WorkspaceHealth({ overview, error }: { overview?: WorkspaceOverview; error?: string }) {
  if (!overview) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">{error ? `Health unavailable: ${error}` : 'Loading health…'}</p>;
  }
  const total = overview.services.length;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Service health">
      <span className="font-medium" data-testid="service-count">{plural(total, 'service')}</span>
      {HEALTH_STATUSES.filter((s) => overview.health[s]).map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <span className="tabular-nums">{overview.health[s]}</span>
          <HealthBadge status={s} />
        </span>
      ))}
    </div>
  );
}

/** The clusters a workspace's selectors reach now, each with the namespaces (with services) they cover. */
export function WorkspaceMatches({ overview }: { overview?: WorkspaceOverview }) {
  if (!overview) return null;
  if (overview.clusters.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No cluster you can see matches these selectors right now.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" aria-label="Matched clusters and namespaces">
      {overview.clusters.map((c) => (
        <div key={c.cluster} className="contents" data-testid="matched-cluster">
          <dt className="font-mono text-xs leading-5">{c.cluster}</dt>
          <dd className="text-slate-600 dark:text-slate-400">{c.namespaces.length ? c.namespaces.join(', ') : 'no namespace with services'}</dd>
        </div>
      ))}
    </dl>
  );
}
