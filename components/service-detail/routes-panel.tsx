import Link from 'next/link';
import type { ServiceRoute } from '@/lib/fleet/routes';
import { routeRows } from '@/lib/ui/route-view';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { RouteStatusCell } from './route-status-cell';

export interface RoutesPanelProps {
  namespace: string;
  name: string;
  routes: readonly ServiceRoute[];
  /** The clusters of the service's mesh: one status column each. */
  clusters: readonly string[];
}

const STANDS_OUT = 'bg-warn/15 shadow-[inset_4px_0_0_0_var(--color-warn)]';

/** HTTPRoutes, GRPCRoutes and VirtualServices sending traffic to the service, side by side, with each cluster's Accepted and ResolvedRefs. */
export function RoutesPanel({ namespace, name, routes, clusters }: RoutesPanelProps) {
  const rows = routeRows(routes, clusters);
  const columns = rows[0]?.cells.map((c) => c.cluster) ?? [...clusters].sort();
  const differing = rows.filter((r) => r.differs).length;
  return (
    <section aria-labelledby="routes-heading" data-testid="routes-panel" className="space-y-2">
      <h2 id="routes-heading" className="text-sm font-semibold">Routes</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No HTTPRoute, GRPCRoute or VirtualService sends traffic to {namespace}/{name}: clients reach it directly by its host.</p>
      ) : (
        <>
          {differing ? <p role="status" className="text-sm font-semibold text-amber-800 dark:text-amber-200">{differing === 1 ? 'A route is' : `${differing} routes are`} not accepted alike in every cluster.</p> : null}
          <div className={`${panelClass} overflow-x-auto`}>
            <table className={tableClass} aria-label={`Routes to ${namespace}/${name}`}>
              <thead className={theadClass}>
                <tr>
                  <th className={thClass}>Route</th>
                  <th className={thClass}>Parents</th>
                  <th className={thClass}>Backends</th>
                  {columns.map((c) => (
                    <th key={c} className={thClass} scope="col">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.testId} className={`${rowClass} ${r.differs ? STANDS_OUT : ''}`} data-testid={r.testId} data-differs={r.differs ? 'true' : undefined}>
                    <td className={tdClass}>
                      <Link href={r.href} className={`font-medium ${linkClass}`}>{r.route.namespace}/{r.route.name}</Link>
                      <div className="text-xs text-slate-500 dark:text-slate-400">{r.route.kind}</div>
                      {r.differs ? <div className="mt-1 text-xs font-semibold text-amber-800 dark:text-amber-200">Differs: {r.differs}</div> : null}
                    </td>
                    <td className={`${tdClass} text-xs`}>
                      {r.parents.length === 0 ? '—' : null}
                      {r.parents.map((p) => (
                        <div key={p.parent}>{p.parent}{p.only ? <span className="text-slate-500 dark:text-slate-400"> (only {p.only.join(', ')})</span> : null}</div>
                      ))}
                    </td>
                    <td className={`${tdClass} text-xs`}>
                      {r.backends.map((b, i) => (
                        <div key={`${b.service}/${i}`}>
                          {b.service}
                          {b.weight !== undefined ? <span className="text-slate-600 dark:text-slate-400"> weight {b.weight}{b.percent !== undefined ? ` (${b.percent}%)` : ''}</span> : null}
                        </div>
                      ))}
                    </td>
                    {r.cells.map((c) => (
                      <td key={c.cluster} className={tdClass} data-cluster={c.cluster} data-present={c.present} data-accepted={c.accepted} data-resolved={c.resolved}>
                        <RouteStatusCell cell={c} kind={r.route.kind} />
                      </td>
                    ))}
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
