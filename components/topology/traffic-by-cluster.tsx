import type { ViewEdgeData, ViewNodeData } from '@/lib/topology-view/aggregate';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';

export interface TrafficByClusterProps {
  title: 'Inbound' | 'Outbound';
  edges: ReadonlyArray<{ data: ViewEdgeData }>;
  /** Which end of an edge is the peer: the source for inbound traffic, the target for outbound. */
  end: 'source' | 'target';
  /** The selected node's cluster, to mark traffic that stays in it. */
  cluster: string;
  names: ReadonlyMap<string, ViewNodeData>;
  onPick: (id: string) => void;
}

interface Bucket {
  key: string;
  edges: ViewEdgeData[];
  rps: number;
  errorRps: number;
}

const NS_GROUPS = 'grouped namespaces';

/** Edges by the peer's cluster, busiest cluster first; within one, busiest edge first. */
export function byPeerCluster(edges: ReadonlyArray<{ data: ViewEdgeData }>, end: 'source' | 'target', names: ReadonlyMap<string, ViewNodeData>): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const { data } of edges) {
    const peer = names.get(data[end]);
    const key = peer?.kind === 'namespaceGroup' ? NS_GROUPS : (peer?.cluster ?? '—');
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { key, edges: [], rps: 0, errorRps: 0 }));
    b.edges.push(data);
    b.rps += data.rps;
    b.errorRps += (data.rps * data.errorPercent) / 100;
  }
  for (const b of buckets.values()) b.edges.sort((x, y) => y.rps - x.rps);
  return [...buckets.values()].sort((a, b) => b.rps - a.rps || a.key.localeCompare(b.key));
}

/** HBONE and the waypoint an ambient edge goes through, after its figures. */
function AmbientMarks({ edge, names }: { edge: ViewEdgeData; names: ReadonlyMap<string, ViewNodeData> }) {
  if (!edge.hbone && edge.waypoint === undefined) return null;
  const wp = edge.waypoint !== undefined ? names.get(edge.waypoint) : undefined;
  // A hop into or out of the waypoint shown already names it as its peer.
  const via = edge.waypoint !== undefined && edge.source !== edge.waypoint && edge.target !== edge.waypoint;
  return (
    <>
      {edge.hbone ? <span className="ml-1 rounded bg-violet-100 px-1 text-[10px] font-semibold text-violet-800 dark:bg-violet-950 dark:text-violet-200" title="Carried over HBONE by ztunnel (ambient, mutual TLS)">HBONE</span> : null}
      {via ? <span className="text-slate-500 dark:text-slate-400"> via waypoint {wp ? `${wp.namespace}/${wp.name}` : edge.waypoint}</span> : null}
    </>
  );
}

const errors = (rps: number, errorRps: number) => (rps > 0 ? (errorRps / rps) * 100 : 0);

/** A node's traffic in or out, per peer cluster: the cluster's totals, then each edge with its rate, errors and p95. */
export function TrafficByCluster({ title, edges, end, cluster, names, onPick }: TrafficByClusterProps) {
  const buckets = byPeerCluster(edges, end, names);
  const rps = buckets.reduce((a, b) => a + b.rps, 0);
  const errorRps = buckets.reduce((a, b) => a + b.errorRps, 0);
  return (
    <section className="mt-4" aria-label={`${title} traffic by cluster`} data-testid={`topology-${title.toLowerCase()}`}>
      <h3 className="flex items-baseline justify-between text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">
        {title}
        <span className="font-normal normal-case">{edges.length ? `${formatRate(rps)} · ${formatPercent(errors(rps, errorRps))} errors` : 'none'}</span>
      </h3>
      {buckets.map((b) => (
        <div key={b.key} className="mt-2" data-cluster={b.key}>
          <p className="flex items-baseline justify-between gap-2 border-b border-slate-100 text-xs font-medium dark:border-slate-800">
            <span className="min-w-0 truncate" title={`${end === 'source' ? 'from' : 'to'} ${b.key}`}>
              {end === 'source' ? 'from' : 'to'} {b.key}
              {b.key === cluster ? <span className="font-normal text-slate-500 dark:text-slate-400"> · local</span> : null}
            </span>
            <span className="shrink-0 font-normal">{formatRate(b.rps)} · {formatPercent(errors(b.rps, b.errorRps))}</span>
          </p>
          <ul className="mt-1 space-y-1 text-xs">
            {b.edges.map((e) => {
              const peer = names.get(e[end]);
              return (
                <li key={e.id} data-health={e.health}>
                  <button type="button" className="font-medium text-brand-600 hover:underline dark:text-sky-300" onClick={() => onPick(e[end])}>
                    {peer?.name ?? e[end]}{peer?.kind === 'versionedApp' && peer.version ? ` ${peer.version}` : ''}
                  </button>
                  {peer?.namespace && peer.kind !== 'namespaceGroup' ? <span className="text-slate-500 dark:text-slate-400"> {peer.namespace}</span> : null}
                  : {formatRate(e.rps)}, <span className={e.errorPercent > 0 ? 'font-semibold text-red-700 dark:text-red-300' : ''}>{formatPercent(e.errorPercent)} errors</span>, p95 {formatMs(e.p95Ms)}
                  {e.members && e.members > 1 ? ` · ${e.members} edges` : ''}
                  <AmbientMarks edge={e} names={names} />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
