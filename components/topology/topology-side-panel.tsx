import Link from 'next/link';
import { groupOf, type ViewElements, type ViewNodeData } from '@/lib/topology-view/aggregate';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';

export interface TopologySidePanelProps {
  elements: ViewElements;
  nodeId: string;
  onClose: () => void;
  /** While grouped by namespace: expand a group, collapse a node's namespace. */
  onExpand?: (namespace: string) => void;
  onCollapse?: (namespace: string) => void;
}

const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/** A namespace group: its clusters, worst first, and the button that draws its nodes. */
function GroupDetails({ node, onExpand }: { node: ViewNodeData; onExpand?: (namespace: string) => void }) {
  return (
    <div className="mt-3">
      {onExpand && node.namespace ? (
        <button type="button" className={button} onClick={() => onExpand(node.namespace!)}>Expand namespace {node.namespace}</button>
      ) : null}
      <h3 className="mt-3 text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">By cluster</h3>
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

/** The selected node (or namespace group): health with reasons, traffic in and out, links to its service and cluster pages. */
export function TopologySidePanel({ elements, nodeId, onClose, onExpand, onCollapse }: TopologySidePanelProps) {
  const node = elements.nodes.find((n) => n.data.id === nodeId)?.data;
  if (!node) return null;
  const names = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
  const inbound = elements.edges.filter((e) => e.data.target === nodeId);
  const outbound = elements.edges.filter((e) => e.data.source === nodeId);
  const inRps = inbound.reduce((a, e) => a + e.data.rps, 0);
  const service = node.service ?? node.app;
  const group = node.kind === 'namespaceGroup';
  const ns = groupOf(node);
  return (
    <aside aria-label={`Details of ${node.name}`} data-testid="topology-side-panel" className="w-80 shrink-0 overflow-auto border-l border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold break-all">{node.name}{node.version ? ` ${node.version}` : ''}</h2>
        <button type="button" onClick={onClose} aria-label="Close details" className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800">✕</button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {group ? `namespace · ${node.members ?? 0} nodes in ${node.byCluster?.length ?? 0} clusters` : `${node.kind} · ${node.namespace ?? '—'} · ${node.cluster}`}
      </p>
      <div className="mt-2">{node.health ? <HealthBadge status={node.health} reasons={node.healthReasons} /> : null}</div>
      {node.healthReasons?.length ? <ul className="mt-1 list-disc pl-5 text-xs">{node.healthReasons.map((r) => <li key={r}>{r}</li>)}</ul> : null}
      {group ? <GroupDetails node={node} onExpand={onExpand} /> : null}
      {!group && onCollapse && ns !== undefined ? (
        <button type="button" className={`${button} mt-3`} onClick={() => onCollapse(ns)}>Collapse namespace {ns}</button>
      ) : null}
      <p className="mt-3">Inbound {formatRate(inRps)}</p>
      {[['Inbound', inbound, 'source'] as const, ['Outbound', outbound, 'target'] as const].map(([title, list, end]) => (
        <div key={title} className="mt-3">
          <h3 className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{title}</h3>
          {list.length === 0 ? <p className="text-xs">none</p> : null}
          <ul className="space-y-1 text-xs">
            {list.map((e) => {
              const peer = names.get(e.data[end]);
              const where = peer?.kind === 'namespaceGroup' ? 'namespace' : peer?.cluster;
              return (
                <li key={e.data.id} data-health={e.data.health}>
                  {peer?.name ?? e.data[end]} <span className="text-slate-500 dark:text-slate-400">({where})</span>: {formatRate(e.data.rps)}, {formatPercent(e.data.errorPercent)} errors, p95 {formatMs(e.data.p95Ms)}
                  {e.data.crossCluster ? ' · cross-cluster' : ''}
                  {e.data.members && e.data.members > 1 ? ` · ${e.data.members} edges` : ''}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div className="mt-4 flex flex-col gap-1">
        {!group && service && node.namespace ? <Link className="text-brand-600 hover:underline dark:text-sky-300" href={`/services/${encodeURIComponent(node.namespace)}/${encodeURIComponent(service)}`}>Service {service}</Link> : null}
        {!group || node.cluster ? <Link className="text-brand-600 hover:underline dark:text-sky-300" href={`/clusters/${encodeURIComponent(node.cluster)}`}>Cluster {node.cluster}</Link> : null}
      </div>
    </aside>
  );
}
