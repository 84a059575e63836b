'use client';

import Link from 'next/link';
import { useTopology } from '@/lib/api/topology';
import { serviceNeighbours } from '@/lib/topology-view/neighbours';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface NeighboursPanelProps {
  namespace: string;
  name: string;
  /** The clusters of the service's mesh: only edges at this service's end in them are shown. */
  clusters: readonly string[];
}

/** Who calls this service and whom it calls, per cluster of its mesh, from the service graph. */
export function NeighboursPanel({ namespace, name, clusters }: NeighboursPanelProps) {
  const topo = useTopology({ graphType: 'service' });
  const list = topo.data ? serviceNeighbours(topo.data.data.elements, namespace, name).filter((n) => clusters.includes(n.localCluster)) : [];
  return (
    <section aria-labelledby="neighbours-heading" className={`${panelClass} overflow-x-auto`}>
      <h2 id="neighbours-heading" className="px-3 pt-3 text-sm font-semibold">
        Inbound and outbound <Link href={`/topology?graphType=service&namespaces=${encodeURIComponent(namespace)}`} className="ml-2 text-xs font-normal text-brand-600 hover:underline dark:text-sky-300">open in topology</Link>
      </h2>
      {topo.error ? <p className="p-3 text-sm text-red-700 dark:text-red-400">Cannot read the traffic graph: {topo.error.message}</p> : null}
      {topo.data && list.length === 0 ? <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No traffic to or from {name} in the last window.</p> : null}
      {list.length > 0 ? (
        <table className={tableClass} aria-label="Neighbours">
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>Direction</th>
              <th className={thClass}>Peer</th>
              <th className={thClass}>This end</th>
              <th className={thClass}>Rate</th>
              <th className={thClass}>Error %</th>
              <th className={thClass}>p95</th>
              <th className={thClass}>Health</th>
            </tr>
          </thead>
          <tbody>
            {list.map((n) => (
              <tr key={`${n.direction}/${n.node.id}/${n.localCluster}/${n.edge.protocol}`} className={rowClass}>
                <td className={tdClass}>{n.direction === 'inbound' ? '← from' : '→ to'}</td>
                <td className={tdClass}>
                  {n.node.namespace && n.node.kind === 'service' ? <Link className="hover:underline" href={`/services/${encodeURIComponent(n.node.namespace)}/${encodeURIComponent(n.node.name)}`}>{n.node.name}</Link> : n.node.name}
                  <span className="text-xs text-slate-500 dark:text-slate-400"> {n.node.namespace ?? ''} in {n.node.cluster}</span>
                  {n.edge.crossCluster ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">cross-cluster</span> : null}
                </td>
                <td className={tdClass}>{n.localCluster}</td>
                <td className={tdClass}>{n.edge.protocol === 'tcp' ? `${Math.round(n.edge.tcpBytesPerSecond)} B/s` : formatRate(n.edge.rps)}</td>
                <td className={tdClass}>{formatPercent(n.edge.errorPercent)}</td>
                <td className={tdClass}>{formatMs(n.edge.p95Ms)}</td>
                <td className={tdClass}>{n.edge.health ? <HealthBadge status={n.edge.health} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
