'use client';

import { HealthBadge } from '@/components/ui/health-badge';
import { HEALTH_STATUSES } from '@/lib/health/health-status';
import type { ViewNodeData } from '@/lib/topology-view/aggregate';
import { isBoxKind } from '@/lib/topology-view/elements';
import { ToolbarPopover } from './toolbar-popover';

export interface TopologyProblemsProps {
  nodes: ReadonlyArray<{ data: ViewNodeData }>;
  onPick: (id: string) => void;
}

const PROBLEM: ReadonlySet<string> = new Set(['failure', 'degraded', 'not-ready']);
const rank = (n: ViewNodeData) => HEALTH_STATUSES.indexOf(n.health ?? 'unknown');

/** The drawn nodes that are failing, degraded or not ready, worst first. */
export function problemNodes(nodes: ReadonlyArray<{ data: ViewNodeData }>): ViewNodeData[] {
  return nodes
    .map((n) => n.data)
    .filter((d) => !isBoxKind(d.kind) && PROBLEM.has(d.health ?? ''))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster));
}

const where = (n: ViewNodeData) => (n.kind === 'namespaceGroup' ? 'namespace' : `${n.namespace ? `${n.namespace} @ ` : ''}${n.cluster}`);

/** The graph's problems as a menu: each one selects and centres its node, so a triage starts from what is red. */
export function TopologyProblems({ nodes, onPick }: TopologyProblemsProps) {
  const list = problemNodes(nodes);
  if (list.length === 0) return null;
  const failing = list.some((n) => n.health === 'failure');
  return (
    <div data-testid="topology-problems" data-count={list.length}>
      <ToolbarPopover
        summary={<span className={`font-medium ${failing ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-200'}`}>{list.length} {list.length === 1 ? 'problem' : 'problems'}</span>}
        align="right"
        panelClassName="w-80 text-xs"
      >
        <ul className="max-h-72 space-y-1 overflow-auto" aria-label="Unhealthy nodes">
          {list.map((n) => (
            <li key={n.id}>
              <button type="button" className="flex w-full items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => onPick(n.id)}>
                <HealthBadge status={n.health ?? 'unknown'} />
                <span className="min-w-0">
                  <span className="font-medium">{n.kind === 'versionedApp' && n.version ? `${n.name} ${n.version}` : n.name}</span> <span className="text-slate-500 dark:text-slate-400">{where(n)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </ToolbarPopover>
    </div>
  );
}
