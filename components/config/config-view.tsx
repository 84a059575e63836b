'use client';

import { useClusters } from '@/lib/api/clusters';
import { useConfigObjects } from '@/lib/api/config';
import { configStatuses } from '@/lib/ui/config-statuses';
import { configKey, groupConfigObjects, parseConfigKey } from '@/lib/ui/config-view';
import { parseConfigState, serialiseConfigState } from '@/lib/ui/url-state';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { useUrlState } from '@/components/ui/use-url-state';
import { ConfigCompare } from './config-compare';
import { ConfigStatusCell } from './config-status-cell';
import { ConfigFilters } from './config-filters';

/** Istio, Gateway API and Admiral config across clusters: filter, see each object's status, pick one, compare it cluster by cluster. */
export function ConfigView() {
  const [state, setState] = useUrlState(parseConfigState, serialiseConfigState);
  const list = useConfigObjects({ kind: state.kind, cluster: state.cluster, namespace: state.namespace, q: state.q, pageSize: 500 });
  const clusters = useClusters();
  const selected = parseConfigKey(state.object);
  // The object's clusters come from an unfiltered lookup, so a cluster filter never hides a difference.
  const peers = useConfigObjects(selected ? { kind: selected.kind, namespace: selected.namespace, q: selected.name, pageSize: 500 } : { pageSize: 1 });
  const peerClusters = selected ? (peers.data?.data.items ?? []).filter((o) => configKey(o) === state.object).map((o) => o.cluster) : [];
  return (
    <div className="space-y-4">
      <ConfigFilters key={serialiseConfigState({ ...state, object: undefined })} state={state} clusters={(clusters.data?.data.items ?? []).map((c) => c.name)} onChange={setState} />
      {selected && peerClusters.length > 0 ? <ConfigCompare object={selected} clusters={peerClusters} /> : null}
      {selected && peers.data && peerClusters.length === 0 ? <EmptyState title="That object is in no cluster">It may have been deleted; pick another below.</EmptyState> : null}
      <QueryView query={list} what="config objects">
        {(res) => {
          const rows = groupConfigObjects(res.data.items);
          const statusOf = configStatuses(res.data.items);
          return (
            <>
              <ClusterBanners clusters={res.clusters} />
              <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{res.data.total} objects{res.data.total > res.data.items.length ? ` (first ${res.data.items.length} shown; filter to narrow)` : ''} as {rows.length} distinct names</p>
              {rows.length === 0 ? (
                <EmptyState title="No config objects match">Istio and Gateway API config appears here as clusters sync; try clearing the filters.</EmptyState>
              ) : (
                <div className={`${panelClass} overflow-x-auto`}>
                  <table className={tableClass} aria-label="Config objects">
                    <thead className={theadClass}>
                      <tr>
                        <th className={thClass}>Kind</th>
                        <th className={thClass}>Namespace</th>
                        <th className={thClass}>Name</th>
                        <th className={thClass}>Clusters</th>
                        <th className={thClass}>Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.key} className={`${rowClass} ${r.key === state.object ? 'font-semibold shadow-[inset_4px_0_0_0_var(--color-brand-500)]' : ''}`}>
                          <td className={tdClass}>{r.first.kind}<div className="text-xs text-slate-500 dark:text-slate-400">{r.first.group || 'core'}</div></td>
                          <td className={tdClass}>{r.first.namespace}</td>
                          <td className={tdClass}>
                            <button type="button" onClick={() => setState({ object: r.key })} className="text-left text-brand-600 hover:underline dark:text-sky-300" aria-pressed={r.key === state.object}>
                              {r.first.name}
                            </button>
                          </td>
                          <td className={tdClass}>{r.clusters.join(', ')}</td>
                          <td className={tdClass}><ConfigStatusCell object={r.first} status={statusOf(r.key)} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
