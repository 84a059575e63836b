import Link from 'next/link';
import type { ClusterDetail } from '@/lib/fleet/clusters';
import { plural } from '@/lib/ui/format';
import { waypointView } from '@/lib/ui/waypoint-view';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface WaypointsPanelProps {
  cluster: ClusterDetail;
}

const programmed = (p: boolean | undefined) => (p === undefined ? 'not reported' : p ? 'True' : 'False');

/** Waypoint Gateways of the cluster: ready pods, Programmed, traffic type, and the services and namespaces that use each. */
export function WaypointsPanel({ cluster: c }: WaypointsPanelProps) {
  const rows = c.waypoints.map((w) => ({ w, v: waypointView(w, c.name) }));
  const down = rows.filter((r) => !r.v.ready).length;
  return (
    <section aria-labelledby="waypoints-heading" data-testid="waypoints-panel">
      <h2 id="waypoints-heading" className="mb-2 text-sm font-semibold">Waypoints</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No waypoint Gateway (class istio-waypoint) in {c.name}{c.ambient?.ambientNamespaces ? ': ambient traffic here is L4 only, through ztunnel' : ''}.</p>
      ) : (
        <>
          <p className={`mb-2 text-sm ${down ? 'font-semibold text-red-800 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}>
            {down ? `${down} of ${plural(rows.length, 'waypoint')} not ready: L7 traffic through ${down === 1 ? 'it' : 'them'} fails` : `${plural(rows.length, 'waypoint')}, all ready`}
          </p>
          <div className={`${panelClass} overflow-x-auto`}>
            <table className={tableClass} aria-label={`Waypoints in ${c.name}`}>
              <thead className={theadClass}>
                <tr>
                  <th className={thClass}>Waypoint</th>
                  <th className={thClass}>Ready pods</th>
                  <th className={thClass}>Programmed</th>
                  <th className={thClass}>Traffic</th>
                  <th className={thClass}>Services</th>
                  <th className={thClass}>Namespaces</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ w, v }) => (
                  <tr key={`${w.namespace}/${w.name}`} className={`${rowClass} ${v.ready ? '' : 'bg-fail/10'}`} data-testid={`waypoint-${w.namespace}-${w.name}`} data-ready={v.ready}>
                    <td className={tdClass}>
                      <span className="font-medium">{w.namespace}/{w.name}</span>
                      {v.problem ? <div className={`text-xs ${v.ready ? 'text-amber-800 dark:text-amber-200' : 'font-semibold text-red-800 dark:text-red-300'}`}>{v.problem}</div> : null}
                    </td>
                    <td className={`${tdClass} tabular-nums`}>{w.ready}/{w.desired}</td>
                    <td className={`${tdClass} ${w.programmed === false ? 'font-semibold text-red-800 dark:text-red-300' : ''}`} data-programmed={programmed(w.programmed)}>{programmed(w.programmed)}</td>
                    <td className={tdClass}>{w.for}</td>
                    <td className={tdClass}>
                      {v.services.length === 0 ? '—' : null}
                      <ul className="space-y-0.5">
                        {v.services.map((s) => (
                          <li key={s.ref}><Link href={s.href} className={linkClass}>{s.ref}</Link></li>
                        ))}
                      </ul>
                    </td>
                    <td className={tdClass}>
                      {w.namespaces.length === 0 ? '—' : null}
                      {[...w.namespaces].sort().map((ns, i) => (
                        <span key={ns}>
                          {i ? ', ' : ''}
                          <Link href={`/services?${new URLSearchParams({ cluster: c.name, namespace: ns }).toString()}`} className={linkClass}>{ns}</Link>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
