import Link from 'next/link';
import type { ClusterSummary } from '@/lib/fleet/clusters';
import type { ControlPlane } from '@/lib/fleet/controlplanes';
import { clusterStateTone } from '@/lib/ui/cluster-states';
import { formatAge, shortFingerprint, shortVersion } from '@/lib/ui/format';
import { isOddRoot, type MeshTrust } from '@/lib/ui/trust';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface ClusterTableProps {
  clusters: ClusterSummary[];
  controlPlanes: ControlPlane[];
  trust: MeshTrust[];
}

const TONE = { ok: 'text-green-700 dark:text-green-400', warn: 'text-amber-700 dark:text-amber-300', fail: 'text-red-700 dark:text-red-400' };

function DiscoveryCell({ cps }: { cps: ControlPlane[] }) {
  const found = cps.flatMap((cp) => cp.discoveredClusters.map((d) => ({ ...d, revision: cp.revision })));
  if (!found.length) return <>—</>;
  const many = cps.length > 1;
  return (
    <ul className="space-y-0.5">
      {found.map((d) => (
        <li key={`${d.revision}/${d.id}`} className={d.syncStatus === 'synced' ? '' : 'font-semibold text-amber-700 dark:text-amber-300'}>
          {many ? <span className="text-xs text-slate-500 dark:text-slate-400">{d.revision}: </span> : null}
          {d.id} <span className="text-xs text-slate-500 dark:text-slate-400">{d.syncStatus}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every cluster in one table: state, control planes, root of trust, discovery, gateway, data age. */
export function ClusterTable({ clusters, controlPlanes, trust }: ClusterTableProps) {
  return (
    <div className={`${panelClass} overflow-x-auto`}>
      <table className={tableClass} aria-label="Clusters">
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>Cluster</th>
            <th className={thClass}>State</th>
            <th className={thClass}>Mesh / network</th>
            <th className={thClass}>Control planes</th>
            <th className={thClass}>Root certificate</th>
            <th className={thClass}>Discovers</th>
            <th className={thClass}>East-west gateway</th>
            <th className={thClass}>Data age</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => {
            const cps = controlPlanes.filter((cp) => cp.cluster === c.name);
            const meshTrust = trust.find((t) => t.mesh === (c.mesh ?? ''));
            return (
              <tr key={c.name} className={rowClass} data-testid={`cluster-row-${c.name}`}>
                <td className={tdClass}>
                  <Link href={`/clusters/${encodeURIComponent(c.name)}`} className={`font-medium ${linkClass}`}>
                    {c.name}
                  </Link>
                  <div className="text-xs text-slate-500 dark:text-slate-400">{c.regions.join(', ')}</div>
                </td>
                <td className={tdClass}>
                  <span className={`font-semibold ${TONE[clusterStateTone(c.state)]}`}>{c.state}</span>
                  {c.reason ? <div className="max-w-xs text-xs text-slate-600 dark:text-slate-400">{c.reason}</div> : null}
                </td>
                <td className={tdClass}>
                  {c.mesh ?? '—'}
                  <div className="text-xs text-slate-500 dark:text-slate-400">{c.network ?? 'no network label'}</div>
                </td>
                <td className={tdClass}>
                  {c.controlPlanes.map((p) => (
                    <div key={p.revision}>
                      {p.revision} <span className="text-xs text-slate-500 dark:text-slate-400" title={p.version || undefined}>{shortVersion(p.version)}</span>
                    </div>
                  ))}
                </td>
                <td className={tdClass}>
                  {cps.map((cp) => {
                    const odd = isOddRoot(meshTrust, cp.rootCert?.fingerprint);
                    return (
                      <div key={cp.revision} title={cp.rootCert?.fingerprint} className={odd ? 'font-semibold text-red-700 dark:text-red-400' : ''} data-odd-root={odd || undefined}>
                        <code className="text-xs">{shortFingerprint(cp.rootCert?.fingerprint)}</code>
                        {odd ? ' differs from its mesh' : ''}
                        {cp.rootCert?.notAfter ? <div className="text-xs text-slate-500 dark:text-slate-400">until {cp.rootCert.notAfter.slice(0, 10)}</div> : null}
                      </div>
                    );
                  })}
                </td>
                <td className={tdClass}>
                  <DiscoveryCell cps={cps} />
                </td>
                <td className={tdClass}>
                  {c.eastWestGateways.length === 0 ? '—' : c.eastWestGateways.map((g) => (
                    <div key={g.name} className={g.addresses.length ? '' : 'font-semibold text-red-700 dark:text-red-400'}>
                      {g.addresses.join(', ') || 'no address'}
                    </div>
                  ))}
                </td>
                <td className={tdClass}>{formatAge(c.dataAgeSeconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
