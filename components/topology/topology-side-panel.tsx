import Link from 'next/link';
import type { Topology } from '@/lib/api/topology';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';

export interface TopologySidePanelProps {
  elements: Topology['elements'];
  nodeId: string;
  onClose: () => void;
}

/** The selected node: health with reasons, traffic in and out, links to its service and cluster pages. */
export function TopologySidePanel({ elements, nodeId, onClose }: TopologySidePanelProps) {
  const node = elements.nodes.find((n) => n.data.id === nodeId)?.data;
  if (!node) return null;
  const names = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
  const inbound = elements.edges.filter((e) => e.data.target === nodeId);
  const outbound = elements.edges.filter((e) => e.data.source === nodeId);
  const inRps = inbound.reduce((a, e) => a + e.data.rps, 0);
  const service = node.service ?? node.app;
  return (
    <aside aria-label={`Details of ${node.name}`} data-testid="topology-side-panel" className="w-80 shrink-0 overflow-auto border-l border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold break-all">{node.name}{node.version ? ` ${node.version}` : ''}</h2>
        <button type="button" onClick={onClose} aria-label="Close details" className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800">✕</button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{node.kind} · {node.namespace ?? '—'} · {node.cluster}</p>
      <div className="mt-2">{node.health ? <HealthBadge status={node.health} reasons={node.healthReasons} /> : null}</div>
      {node.healthReasons?.length ? <ul className="mt-1 list-disc pl-5 text-xs">{node.healthReasons.map((r) => <li key={r}>{r}</li>)}</ul> : null}
      <p className="mt-3">Inbound {formatRate(inRps)}</p>
      {[['Inbound', inbound, 'source'] as const, ['Outbound', outbound, 'target'] as const].map(([title, list, end]) => (
        <div key={title} className="mt-3">
          <h3 className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{title}</h3>
          {list.length === 0 ? <p className="text-xs">none</p> : null}
          <ul className="space-y-1 text-xs">
            {list.map((e) => {
              const peer = names.get(e.data[end]);
              return (
                <li key={e.data.id} data-health={e.data.health}>
                  {peer?.name ?? e.data[end]} <span className="text-slate-500 dark:text-slate-400">({peer?.cluster})</span>: {formatRate(e.data.rps)}, {formatPercent(e.data.errorPercent)} errors, p95 {formatMs(e.data.p95Ms)}
                  {e.data.crossCluster ? ' · cross-cluster' : ''}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div className="mt-4 flex flex-col gap-1">
        {service && node.namespace ? <Link className="text-brand-600 hover:underline dark:text-sky-300" href={`/services/${encodeURIComponent(node.namespace)}/${encodeURIComponent(service)}`}>Service {service}</Link> : null}
        <Link className="text-brand-600 hover:underline dark:text-sky-300" href={`/clusters/${encodeURIComponent(node.cluster)}`}>Cluster {node.cluster}</Link>
      </div>
    </aside>
  );
}
