import type { ClusterDetail } from '@/lib/fleet/clusters';
import type { Ztunnel } from '@/lib/fleet/ambient';
import { runsAmbient, ztunnelSummary } from '@/lib/ui/ztunnel-view';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface ZtunnelPanelProps {
  cluster: ClusterDetail;
}

const STATE: Record<Ztunnel['state'], { text: string; tone: string }> = {
  ready: { text: 'ready', tone: 'text-green-800 dark:text-green-300' },
  'not-ready': { text: 'not ready', tone: 'font-semibold text-red-800 dark:text-red-300' },
  missing: { text: 'no ztunnel pod', tone: 'font-semibold text-amber-800 dark:text-amber-200' },
};
const PROBLEM_ROW = 'bg-fail/10';

/** ztunnel per node: ready, not ready, or missing (the node's ambient pods are then cut off); a sentence when the cluster runs no ambient. */
export function ZtunnelPanel({ cluster: c }: ZtunnelPanelProps) {
  const shown = runsAmbient(c);
  const s = ztunnelSummary(c.ztunnels);
  return (
    <section aria-labelledby="ztunnel-heading" data-testid="ztunnel-panel" data-ambient={shown}>
      <h2 id="ztunnel-heading" className="mb-2 text-sm font-semibold">Ztunnel</h2>
      {!shown ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No ambient mode in {c.name}: no ztunnel runs and no namespace is labelled istio.io/dataplane-mode=ambient.</p>
      ) : (
        <>
          <p className={`mb-2 text-sm ${s.problems.length ? 'font-semibold text-red-800 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`} data-testid="ztunnel-summary">
            {c.ztunnels.length ? s.line : 'Ambient namespaces, but no ztunnel is reported on any node.'}
          </p>
          {c.ztunnels.length ? (
            <div className={`${panelClass} max-h-96 overflow-auto`} tabIndex={0} role="region" aria-label={`ztunnel per node in ${c.name}`}>
              <table className={tableClass} aria-label="ztunnel per node">
                <thead className={`${theadClass} sticky top-0 bg-white dark:bg-slate-900`}>
                  <tr>
                    <th className={thClass}>Node</th>
                    <th className={thClass}>State</th>
                    <th className={thClass}>ztunnel pod</th>
                    <th className={thClass}>Version</th>
                    <th className={thClass}>Ambient pods</th>
                  </tr>
                </thead>
                <tbody>
                  {c.ztunnels.map((z) => (
                    <tr key={z.node} className={`${rowClass} ${z.state === 'ready' ? '' : PROBLEM_ROW}`} data-testid={`ztunnel-node-${z.node}`} data-state={z.state}>
                      <td className={`${tdClass} font-mono text-xs`}>{z.node}</td>
                      <td className={`${tdClass} ${STATE[z.state].tone}`}>{STATE[z.state].text}</td>
                      <td className={`${tdClass} font-mono text-xs`}>{z.pod ?? '—'}</td>
                      <td className={tdClass}>{z.version ?? '—'}</td>
                      <td className={`${tdClass} tabular-nums`}>
                        {z.ambientPods}
                        {z.state !== 'ready' && z.ambientPods ? <span className="ml-1 text-xs text-red-800 dark:text-red-300">cut off</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
