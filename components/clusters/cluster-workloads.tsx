'use client';

import { useWorkloads } from '@/lib/api/workloads';
import type { DataplaneMode } from '@/lib/fleet/dataplane';
import { parseClusterState, serialiseClusterState } from '@/lib/ui/cluster-url-state';
import { DATAPLANE_HINTS } from '@/lib/ui/dataplane-view';
import { plural } from '@/lib/ui/format';
import { DataplaneBadge } from '@/components/ui/dataplane-badge';
import { FILTER_CONTROL } from '@/components/ui/filter-controls';
import { QueryView } from '@/components/ui/query-view';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { useUrlState } from '@/components/ui/use-url-state';
import { clusterWorkloadRows } from '@/lib/ui/cluster-workload-rows';

export interface ClusterWorkloadsProps {
  cluster: string;
}

const MODES: readonly DataplaneMode[] = ['sidecar', 'ambient', 'none'];
/** Groups per request: the API's maximum. */
const PAGE_SIZE = 500;

/** This cluster's workloads with their data-plane mode, filtered by mode through the URL (?dataplane=) and the API. */
export function ClusterWorkloads({ cluster }: ClusterWorkloadsProps) {
  const [state, setState] = useUrlState(parseClusterState, serialiseClusterState);
  const query = useWorkloads({ cluster, dataplane: state.dataplane, pageSize: PAGE_SIZE });
  return (
    <section aria-labelledby="workloads-heading" id="workloads">
      <div className="mb-2 flex items-center gap-3">
        <h2 id="workloads-heading" className="text-sm font-semibold">Workloads</h2>
        <label className="text-xs">
          Data plane{' '}
          <select aria-label="Data plane" data-testid="dataplane-filter" value={state.dataplane ?? ''} onChange={(e) => setState({ dataplane: (e.target.value || undefined) as DataplaneMode | undefined })} className={FILTER_CONTROL}>
            <option value="">any</option>
            {MODES.map((m) => (
              <option key={m} value={m} title={DATAPLANE_HINTS[m]}>{m}</option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={query} what="workloads">
        {(res) => {
          const rows = clusterWorkloadRows(res.data.items, cluster);
          return (
            <>
              {rows.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">{state.dataplane ? `No ${state.dataplane} workloads in ${cluster}.` : `No workloads in ${cluster} yet.`}</p>
              ) : (
                <div className={`${panelClass} max-h-[32rem] overflow-auto`} tabIndex={0} role="region" aria-label={`Workloads in ${cluster}`}>
                  <table className={tableClass} aria-label={`Workloads in ${cluster}`}>
                    <thead className={`${theadClass} sticky top-0 bg-white dark:bg-slate-900`}>
                      <tr>
                        <th className={thClass}>Namespace</th>
                        <th className={thClass}>Workload</th>
                        <th className={thClass}>Ready pods</th>
                        <th className={thClass}>Data plane</th>
                        <th className={thClass}>Proxies</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((w) => (
                        <tr key={`${w.namespace}/${w.kind}/${w.name}`} className={rowClass}>
                          <td className={tdClass}>{w.namespace}</td>
                          <td className={tdClass}>{w.name}<span className="ml-1 text-xs text-slate-500 dark:text-slate-400">{w.kind}</span></td>
                          <td className={`${tdClass} tabular-nums ${w.readyPods < w.pods ? 'text-amber-800 dark:text-amber-200' : ''}`}>{w.readyPods}/{w.pods}</td>
                          <td className={tdClass} data-testid={`workload-dataplane-${w.namespace}-${w.name}`} data-dataplane={w.dataplane}><DataplaneBadge mode={w.dataplane} /></td>
                          <td className={tdClass}>{w.proxies ? `${w.proxies} (${w.proxyVersions.join(', ') || 'unknown version'})` : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                {plural(rows.length, 'workload')}
                {res.data.total > res.data.items.length ? ` in the first ${res.data.items.length} of ${res.data.total} groups; filter by data plane to narrow` : ''}
              </p>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
