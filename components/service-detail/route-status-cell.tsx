import type { RouteCell } from '@/lib/ui/route-view';

export interface RouteStatusCellProps {
  cell: RouteCell;
  /** The route's kind: a VirtualService has no status to show. */
  kind: string;
}

const TONE = { True: 'text-green-800 dark:text-green-300', False: 'font-semibold text-red-800 dark:text-red-300', Unknown: 'font-semibold text-amber-800 dark:text-amber-200' };

function Condition({ label, status }: { label: string; status: keyof typeof TONE | undefined }) {
  return (
    <div>
      {label} <span className={status ? TONE[status] : 'text-slate-500 dark:text-slate-400'}>{status ?? 'not reported'}</span>
    </div>
  );
}

/** One cluster's Accepted and ResolvedRefs for a route, with the parent, reason and message of each that is not True. */
export function RouteStatusCell({ cell: c, kind }: RouteStatusCellProps) {
  if (!c.present) return <span className="text-xs text-slate-500 dark:text-slate-400">not in this cluster</span>;
  if (kind === 'VirtualService') return <span className="text-xs text-slate-600 dark:text-slate-400">present (Istio writes no route status)</span>;
  return (
    <div className="text-xs">
      <Condition label="Accepted" status={c.accepted} />
      <Condition label="ResolvedRefs" status={c.resolved} />
      {c.problems.length ? (
        <ul className="mt-1 space-y-0.5" aria-label="Conditions not True">
          {c.problems.map((p) => (
            <li key={`${p.parent}/${p.type}`} title={p.message}>
              <span className="font-semibold">{p.type} {p.status}{p.reason ? ` ${p.reason}` : ''}</span> <span className="text-slate-600 dark:text-slate-400">on {p.parent}{p.message ? `: ${p.message}` : ''}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
