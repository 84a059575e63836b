import type { ClusterList } from '@/lib/fleet/clusters';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface NetworksPanelProps {
  networks: ClusterList['networks'];
}

/** Networks, their clusters and the east-west gateways that join them; a gateway without an address is flagged. */
export function NetworksPanel({ networks }: NetworksPanelProps) {
  return (
    <div className={`${panelClass} overflow-x-auto`}>
      <table className={tableClass} aria-label="Networks">
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>Network</th>
            <th className={thClass}>Clusters</th>
            <th className={thClass}>East-west gateways</th>
          </tr>
        </thead>
        <tbody>
          {networks.map((n) => (
            <tr key={n.id} className={rowClass}>
              <td className={tdClass}>{n.id}</td>
              <td className={tdClass}>{n.clusters.join(', ')}</td>
              <td className={tdClass}>
                {n.gateways.length === 0 ? <span className="text-amber-700 dark:text-amber-300">none: cross-network traffic cannot reach this network</span> : null}
                {n.gateways.map((g) => (
                  <div key={`${g.cluster}/${g.name}`}>
                    {g.cluster}/{g.namespace}/{g.name}:{' '}
                    {g.addresses.length ? <code>{g.addresses.join(', ')}</code> : <strong className="text-red-700 dark:text-red-400">no address</strong>}{' '}
                    <span className="text-xs text-slate-500 dark:text-slate-400">ports {g.ports.join(', ')}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
