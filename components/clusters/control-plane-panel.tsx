import type { ControlPlane } from '@/lib/fleet/controlplanes';
import { shortVersion } from '@/lib/ui/format';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface ControlPlanePanelProps {
  cp: ControlPlane;
  /** True when this cluster's root differs from the rest of its mesh. */
  oddRoot: boolean;
}

/** One istiod revision: version, pods, root of trust, the clusters it discovers and the gateways it knows. */
export function ControlPlanePanel({ cp, oddRoot }: ControlPlanePanelProps) {
  const heading = `istiod ${cp.revision}`;
  return (
    <section aria-label={heading} data-testid={`controlplane-${cp.revision}`} className={`${panelClass} p-4`}>
      <h3 className="font-semibold">
        {heading} <span className="font-normal text-slate-500 dark:text-slate-400"><span title={cp.version || undefined}>{shortVersion(cp.version)}</span> · {cp.namespace}</span>
      </h3>
      {cp.poll.state === 'error' ? <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">Cannot read istiod&apos;s debug endpoints: {cp.poll.error}</p> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Pods</dt>
        <dd>{cp.pods.map((p) => `${p.name}${p.ready ? '' : ' (not ready)'}`).join(', ') || 'none'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Root certificate</dt>
        <dd className={oddRoot ? 'font-semibold text-red-700 dark:text-red-400' : ''}>
          <code className="break-all text-xs">{cp.rootCert?.fingerprint ?? cp.rootCert?.error ?? 'unknown'}</code>
          {cp.rootCert?.notAfter ? ` · expires ${cp.rootCert.notAfter.slice(0, 10)}` : ''}
          {oddRoot ? ' · differs from other clusters of this mesh' : ''}
          {!cp.rootCertConsistent ? ' · namespaces in this cluster hold different roots' : ''}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Proxies</dt>
        <dd>
          {cp.proxies.total} connected: {cp.proxies.synced} synced, <span className={cp.proxies.stale ? 'font-semibold text-amber-700 dark:text-amber-300' : ''}>{cp.proxies.stale} stale</span>,{' '}
          <span className={cp.proxies.notSent ? 'font-semibold text-amber-700 dark:text-amber-300' : ''}>{cp.proxies.notSent} not sent</span>
        </dd>
      </dl>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <table className={tableClass} aria-label={`Clusters ${heading} discovers`}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>Discovered cluster</th>
              <th className={thClass}>Remote secret</th>
              <th className={thClass}>Sync</th>
            </tr>
          </thead>
          <tbody>
            {cp.discoveredClusters.map((d) => (
              <tr key={d.id} className={rowClass}>
                <td className={tdClass}>{d.id}</td>
                <td className={`${tdClass} text-xs`}>{d.secretName ?? 'local'}</td>
                <td className={`${tdClass} ${d.syncStatus === 'synced' ? '' : 'font-semibold text-amber-700 dark:text-amber-300'}`}>{d.syncStatus}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className={tableClass} aria-label={`Cross-network gateways ${heading} knows`}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>Network</th>
              <th className={thClass}>Gateway</th>
            </tr>
          </thead>
          <tbody>
            {cp.networkGateways.length === 0 ? (
              <tr>
                <td className={tdClass} colSpan={2}>No cross-network gateways known</td>
              </tr>
            ) : null}
            {cp.networkGateways.map((g) => (
              <tr key={`${g.network}/${g.address}`} className={rowClass}>
                <td className={tdClass}>
                  {g.network} <span className="text-xs text-slate-500 dark:text-slate-400">({g.cluster})</span>
                </td>
                <td className={tdClass}>
                  <code>
                    {g.address}:{g.port}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
