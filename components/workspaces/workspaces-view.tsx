'use client';

import { useMemo } from 'react';
import { useClusters } from '@/lib/api/clusters';
import { useServiceSignals } from '@/lib/api/telemetry';
import { workspaceOverview, type WorkspaceOverview } from '@/lib/api/workspace-overview';
import { useMe, useWorkspaces } from '@/lib/api/workspaces-ui';
import type { WorkspaceSummary } from '@/lib/access/api';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { WorkspaceCard } from './workspace-card';
import { WorkspaceDetail } from './workspace-detail';
import { ShareLinksPanel } from './share-links-panel';

export interface WorkspacesViewProps {
  /** One workspace by name (the share-link landing page), else the list. */
  workspace?: string;
}

/** A workspace with what it matches now; `overview` is undefined until clusters and signals have answered. */
export interface WorkspaceRow {
  summary: WorkspaceSummary;
  overview?: WorkspaceOverview;
  /** Why health is missing (telemetry or the fleet not answering), if it is. */
  healthError?: string;
}

/** The caller's workspaces (or one of them), joined with the clusters and service health it may see. */
export function WorkspacesView({ workspace }: WorkspacesViewProps) {
  const me = useMe();
  const list = useWorkspaces();
  const clusters = useClusters();
  const signals = useServiceSignals();
  const clusterNames = useMemo(() => clusters.data?.data.items.map((c) => c.name), [clusters.data]);
  const services = signals.data?.data.items;
  const healthError = clusters.error?.message ?? signals.error?.message;

  return (
    <QueryView query={list} what="workspaces" rows={6}>
      {({ items }) => {
        const rows: WorkspaceRow[] = items
          .filter((w) => !workspace || w.name === workspace)
          .map((summary) => ({ summary, overview: clusterNames && services ? workspaceOverview(summary.selectors, clusterNames, services) : undefined, healthError }));
        const canShare = me.data?.capabilities.shareLinks === true;
        if (workspace) {
          const row = rows[0];
          if (!row) return <EmptyState title={`No workspace "${workspace}" for you`}>It does not exist, or you are not bound to it. Ask an admin, or open the link you were sent again.</EmptyState>;
          return (
            <div className="space-y-6">
              <WorkspaceDetail row={row} shared={me.data?.kind === 'share'} />
              {canShare && row.summary.role !== 'viewer' ? <ShareLinksPanel me={me.data} workspaces={[row.summary.name]} /> : null}
            </div>
          );
        }
        if (rows.length === 0) {
          return <EmptyState title="You are not in any workspace yet">An admin binds users and groups to workspaces in the Meshglass configuration (workspaces and bindings).</EmptyState>;
        }
        const shareable = rows.filter((r) => r.summary.role !== 'viewer').map((r) => r.summary.name);
        return (
          <div className="space-y-6">
            <ul className="grid gap-4 lg:grid-cols-2" aria-label="Workspaces">
              {rows.map((r) => (
                <li key={r.summary.name}>
                  <WorkspaceCard row={r} />
                </li>
              ))}
            </ul>
            {canShare && shareable.length ? <ShareLinksPanel me={me.data} workspaces={shareable} /> : null}
          </div>
        );
      }}
    </QueryView>
  );
}
