'use client';

import { FILTER_CONTROL } from '@/components/ui/filter-controls';
import { HealthBadge } from '@/components/ui/health-badge';
import { AGGREGATE_ABOVE_NODES, type Grouping, type NamespaceSummary } from '@/lib/topology-view/aggregate';
import { TOOL_CONTROL, ToolbarPopover } from './toolbar-popover';

export interface NamespaceGroupingProps {
  grouping: Grouping;
  /** Whether the graph is drawn grouped right now. */
  grouped: boolean;
  namespaces: NamespaceSummary[];
  expanded: ReadonlySet<string>;
  onGrouping: (g: Grouping) => void;
  onToggle: (namespace: string, expand: boolean) => void;
  onCollapseAll: () => void;
}

// Short: the select sits in the one-row toolbar; its title says the rest.
const LABELS: Record<Grouping, string> = { auto: 'Group: auto', namespace: 'Group: always', off: 'Group: never' };
const TITLE = `Group by namespace: auto above ${AGGREGATE_ABOVE_NODES.toLocaleString('en')} nodes, always, or never (every node drawn)`;

/**
 * Namespace grouping: the mode, and every namespace as a button that expands or
 * collapses it (the keyboard path; on the canvas a double-click expands a group).
 */
export function NamespaceGrouping({ grouping, grouped, namespaces, expanded, onGrouping, onToggle, onCollapseAll }: NamespaceGroupingProps) {
  const open = namespaces.filter((n) => expanded.has(n.namespace)).length;
  return (
    <div className="flex items-center gap-2 text-xs" data-testid="topology-grouping" data-grouped={grouped ? 'namespace' : 'off'}>
      <label className="flex items-center">
        <span className="sr-only">Group by namespace</span>
        <select value={grouping} onChange={(e) => onGrouping(e.target.value as Grouping)} className={TOOL_CONTROL} title={TITLE}>
          {(Object.keys(LABELS) as Grouping[]).map((g) => <option key={g} value={g}>{LABELS[g]}</option>)}
        </select>
      </label>
      {grouped ? (
        <ToolbarPopover summary={`${open}/${namespaces.length} open`} label={`${namespaces.length} namespaces, ${open} expanded`} panelClassName="w-72 text-xs">
          <div className="flex items-center gap-2">
            <button type="button" className={FILTER_CONTROL} onClick={onCollapseAll} disabled={open === 0}>Collapse all</button>
          </div>
          <ul className="mt-1 max-h-72 overflow-auto" aria-label="Namespaces">
            {namespaces.map((n) => {
              const isOpen = expanded.has(n.namespace);
              return (
                <li key={n.namespace} className="flex items-center gap-2 py-0.5">
                  <button type="button" aria-pressed={isOpen} className="rounded border border-slate-300 px-1 dark:border-slate-700" onClick={() => onToggle(n.namespace, !isOpen)} aria-label={`${isOpen ? 'Collapse' : 'Expand'} namespace ${n.namespace}`}>
                    {isOpen ? '−' : '+'}
                  </button>
                  <span className="break-all">{n.namespace}</span>
                  <span className="text-slate-500 dark:text-slate-400">{n.members}</span>
                  <HealthBadge status={n.health} />
                </li>
              );
            })}
          </ul>
        </ToolbarPopover>
      ) : null}
    </div>
  );
}
