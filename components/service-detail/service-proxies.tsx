'use client';

import { useProxies } from '@/lib/api/proxies';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface ServiceProxiesProps {
  namespace: string;
  name: string;
  /** The clusters of the service's mesh. */
  clusters: readonly string[];
}

/** The sidecars of the service's pods (by name prefix) in its mesh's clusters, with their xDS sync state. */
export function ServiceProxies({ namespace, name, clusters }: ServiceProxiesProps) {
  const q = useProxies({ namespace, q: name, pageSize: 200 });
  const items = (q.data?.data.items ?? []).filter((p) => clusters.includes(p.cluster));
  return (
    <section aria-labelledby="svc-proxies-heading" className={`${panelClass} overflow-x-auto`}>
      <h2 id="svc-proxies-heading" className="px-3 pt-3 text-sm font-semibold">Proxies</h2>
      {q.error ? <p className="p-3 text-sm text-red-700 dark:text-red-400">Cannot read proxies: {q.error.message}</p> : null}
      {q.data && items.length === 0 ? <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No sidecar proxies found for {name} in {namespace}.</p> : null}
      {items.length > 0 ? (
        <table className={tableClass} aria-label={`Proxies of ${name}`}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>Pod</th>
              <th className={thClass}>Cluster</th>
              <th className={thClass}>Version</th>
              <th className={thClass}>istiod</th>
              <th className={thClass}>Sync</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={`${p.cluster}/${p.proxy}`} className={rowClass}>
                <td className={`${tdClass} font-mono text-xs`}>{p.pod}</td>
                <td className={tdClass}>{p.cluster}</td>
                <td className={tdClass}>{p.proxyVersion ?? '—'}</td>
                <td className={tdClass}>{p.controlPlane.cluster}/{p.controlPlane.revision}</td>
                <td className={`${tdClass} ${p.overall === 'SYNCED' ? '' : 'font-semibold text-amber-700 dark:text-amber-300'}`}>{p.overall}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
