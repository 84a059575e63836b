import type { ServiceInstance } from '@/lib/fleet/services';

export interface WaypointCellProps {
  instance: ServiceInstance | undefined;
}

const BAD = 'font-semibold text-red-800 dark:text-red-300';

/** One cluster's waypoint of a service: its name, whether it is ready there, and istiod's WaypointBound condition with its reason. */
export function WaypointCell({ instance: i }: WaypointCellProps) {
  if (!i) return <>—</>;
  const w = i.waypoint;
  if (!w) return <span className="text-slate-600 dark:text-slate-400">{i.dataplane === 'ambient' ? 'none: L4 only, through ztunnel' : 'none'}</span>;
  return (
    <>
      <div>
        <span className="font-medium">{w.namespace}/{w.name}</span>{' '}
        <span data-waypoint-ready={w.ready} className={w.ready ? 'text-green-800 dark:text-green-300' : BAD}>{w.ready ? 'ready' : 'not ready here'}</span>
      </div>
      {w.bound ? (
        <div className="mt-1 text-xs" data-bound={w.bound.status} title={w.bound.message}>
          WaypointBound <span className={w.bound.status === 'True' ? 'text-green-800 dark:text-green-300' : BAD}>{w.bound.status}</span>
          {w.bound.reason ? ` ${w.bound.reason}` : ''}
          {w.bound.status === 'False' && w.bound.message ? <div className="text-slate-600 dark:text-slate-400">{w.bound.message}</div> : null}
        </div>
      ) : (
        <div className="mt-1 text-xs text-slate-500 dark:text-slate-400">no WaypointBound condition written</div>
      )}
    </>
  );
}
