import Link from 'next/link';
import { groupOf, type ViewElements, type ViewNodeData } from '@/lib/topology-view/aggregate';
import { formatRate } from '@/lib/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import { TrafficByCluster } from './traffic-by-cluster';

export interface TopologySidePanelProps {
  elements: ViewElements;
  nodeId: string;
  onClose: () => void;
  /** Select another node (a peer, or the same workload in another cluster). */
  onPick: (id: string) => void;
  /** While grouped by namespace: expand a group, collapse a node's namespace. */
  onExpand?: (namespace: string) => void;
  onCollapse?: (namespace: string) => void;
}

// Workload names already carry their version; only a versioned app's does not.
const nameOf = (n: ViewNodeData) => (n.kind === 'versionedApp' && n.version ? `${n.name} ${n.version}` : n.name);

const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
const heading = 'mt-4 text-xs font-semibold uppercase text-slate-500 dark:text-slate-400';

/** A namespace group: its clusters, worst first, and the button that draws its nodes. */
function GroupDetails({ node, onExpand }: { node: ViewNodeData; onExpand?: (namespace: string) => void }) {
  return (
    <div className="mt-3">
      {onExpand && node.namespace ? (
        <button type="button" className={button} onClick={() => onExpand(node.namespace!)}>Expand namespace {node.namespace}</button>
      ) : null}
      <h3 className={heading}>By cluster</h3>
      <ul className="space-y-1 text-xs" data-testid="topology-group-clusters">
        {(node.byCluster ?? []).map((c) => (
          <li key={c.cluster} className="flex items-center gap-2">
            <HealthBadge status={c.health} /> {c.cluster}: {c.nodes} nodes{c.unhealthy ? `, ${c.unhealthy} unhealthy` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The same workload (service, app) in the fleet's other clusters: where to compare a problem with. */
function OtherClusters({ node, elements, onPick }: { node: ViewNodeData; elements: ViewElements; onPick: (id: string) => void }) {
  const twins = elements.nodes.map((n) => n.data).filter((d) => d.id !== node.id && d.kind === node.kind && d.name === node.name && d.namespace === node.namespace && d.version === node.version);
  if (twins.length === 0) return null;
  const inbound = (id: string) => elements.edges.reduce((a, e) => a + (e.data.target === id ? e.data.rps : 0), 0);
  return (
    <section aria-label="In other clusters" data-testid="topology-other-clusters">
      <h3 className={heading}>In other clusters</h3>
      <ul className="mt-1 space-y-1 text-xs">
        {twins.sort((a, b) => a.cluster.localeCompare(b.cluster)).map((t) => (
          <li key={t.id} className="flex items-center gap-2">
            {t.health ? <HealthBadge status={t.health} /> : null}
            <button type="button" className="text-brand-600 hover:underline dark:text-sky-300" onClick={() => onPick(t.id)}>{t.cluster}</button>
            <span className="text-slate-500 dark:text-slate-400">{formatRate(inbound(t.id))} in</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The selected node (or namespace group): health with reasons, traffic in and out per cluster, its twins in other clusters, links. */
export function TopologySidePanel({ elements, nodeId, onClose, onPick, onExpand, onCollapse }: TopologySidePanelProps) {
  const node = elements.nodes.find((n) => n.data.id === nodeId)?.data;
  if (!node) return null;
  const names = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
  const inbound = elements.edges.filter((e) => e.data.target === nodeId);
  const outbound = elements.edges.filter((e) => e.data.source === nodeId);
  const service = node.service ?? node.app;
  const group = node.kind === 'namespaceGroup';
  const ns = groupOf(node);
  return (
    <aside aria-label={`Details of ${node.name}`} data-testid="topology-side-panel" className="w-80 shrink-0 overflow-auto border-l border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold break-all">{nameOf(node)}</h2>
        <button type="button" onClick={onClose} aria-label="Close details" className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800">✕</button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {group ? `namespace · ${node.members ?? 0} nodes in ${node.byCluster?.length ?? 0} clusters` : `${node.kind} · ${node.namespace ?? '—'} · ${node.cluster}`}
      </p>
      <div className="mt-2">{node.health ? <HealthBadge status={node.health} reasons={node.healthReasons} /> : null}</div>
      {node.healthReasons?.length ? <ul className="mt-1 list-disc pl-5 text-xs">{node.healthReasons.map((r) => <li key={r}>{r}</li>)}</ul> : null}
      {node.kind === 'waypoint' ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300" data-testid="topology-waypoint-note">
          Waypoint: the ambient L7 proxy of the services bound to it; requests reach it and leave it over HBONE. Its inbound traffic is theirs.
        </p>
      ) : null}
      {group ? <GroupDetails node={node} onExpand={onExpand} /> : null}
      {!group && onCollapse && ns !== undefined ? (
        <button type="button" className={`${button} mt-3`} onClick={() => onCollapse(ns)}>Collapse namespace {ns}</button>
      ) : null}
      <TrafficByCluster title="Inbound" edges={inbound} end="source" cluster={node.cluster} names={names} onPick={onPick} />
      <TrafficByCluster title="Outbound" edges={outbound} end="target" cluster={node.cluster} names={names} onPick={onPick} />
      {!group ? <OtherClusters node={node} elements={elements} onPick={onPick} /> : null}
      <div className="mt-4 flex flex-col gap-1">
        {!group && service && node.namespace ? <Link className="text-brand-600 hover:underline dark:text-sky-300" href={`/services/${encodeURIComponent(node.namespace)}/${encodeURIComponent(service)}`}>Service {service}</Link> : null}
        {!group || node.cluster ? <Link className="text-brand-600 hover:underline dark:text-sky-300" href={`/clusters/${encodeURIComponent(node.cluster)}`}>Cluster {node.cluster}</Link> : null}
      </div>
    </aside>
  );
}
