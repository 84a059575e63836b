'use client';

import type { ReactNode } from 'react';
import { TOPOLOGY_GRAPH_TYPES, TOPOLOGY_LABELS, TOPOLOGY_LAYOUTS, TOPOLOGY_WINDOWS, type TopologyUrlState } from '@/lib/ui/url-state';
import { TOOL_CONTROL, ToolbarPopover } from './toolbar-popover';

export interface TopologyToolbarProps {
  state: TopologyUrlState;
  clusters: string[];
  namespaces: string[];
  onChange: (next: Partial<TopologyUrlState>) => void;
  onExport: () => void;
  onFit: () => void;
  /** Namespace grouping (namespace-grouping.tsx), drawn after the graph type. */
  grouping?: ReactNode;
  /** The node search (node-search.tsx). */
  search?: ReactNode;
  /** The problems menu (topology-problems.tsx), at the row's end. */
  problems?: ReactNode;
}

const control = TOOL_CONTROL;
const GRAPH_LABELS = { workload: 'Workloads', app: 'Apps', versionedApp: 'Versioned apps', service: 'Services' } as const;
const LABEL_LABELS = { rate: 'Request rate', errors: 'Error %', p95: 'p95 latency', none: 'None' } as const;

/** One select with its name read out but not drawn: the options say what they are. */
function Select<T extends string>({ label, value, options, names, onChange }: { label: string; value: T; options: readonly T[]; names: (o: T) => string; onChange: (v: T) => void }) {
  return (
    <label className="flex items-center">
      <span className="sr-only">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)} className={control} title={label}>
        {options.map((o) => <option key={o} value={o}>{names(o)}</option>)}
      </select>
    </label>
  );
}

/** Checkboxes for a filter list; none ticked means all. */
function Checks({ legend, values, options, onChange }: { legend: string; values: string[]; options: string[]; onChange: (v: string[]) => void }) {
  const set = new Set(values);
  return (
    <fieldset className="min-w-44">
      <legend className="flex w-full items-center justify-between gap-3 text-xs font-semibold text-slate-600 dark:text-slate-300">
        {legend}
        <button type="button" className="font-normal text-brand-600 hover:underline disabled:text-slate-400 dark:text-sky-300" disabled={values.length === 0} onClick={() => onChange([])}>all</button>
      </legend>
      <ul className="mt-1 max-h-56 overflow-auto">
        {options.map((o) => (
          <li key={o}>
            <label className="flex items-center gap-2 py-0.5 whitespace-nowrap">
              <input type="checkbox" checked={set.has(o)} onChange={(e) => onChange(e.target.checked ? [...values, o] : values.filter((v) => v !== o))} />
              {o}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What the filters summary says: "all traffic", or what is picked. */
function filterSummary(state: TopologyUrlState): string {
  const parts = [state.clusters.length ? count(state.clusters.length, 'cluster') : '', state.namespaces.length ? count(state.namespaces.length, 'namespace') : '', state.hideIdle ? 'no idle' : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'All traffic';
}

/**
 * The graph's controls in one row: graph type, grouping, window, filters (a
 * popover: clusters, namespaces, idle), search, problems, and a popover for
 * the rest: edge labels, layout, fit and export (the canvas has its own Fit).
 */
export function TopologyToolbar({ state, clusters, namespaces, onChange, onExport, onFit, grouping, search, problems }: TopologyToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Graph options" data-testid="topology-toolbar">
      <h1 className="mr-0.5 text-lg font-semibold tracking-tight">Topology</h1>
      <Select label="Graph" value={state.graphType} options={TOPOLOGY_GRAPH_TYPES} names={(g) => GRAPH_LABELS[g]} onChange={(graphType) => onChange({ graphType })} />
      {grouping}
      <Select label="Window" value={state.window} options={TOPOLOGY_WINDOWS} names={(w) => `last ${w}`} onChange={(window) => onChange({ window })} />
      <ToolbarPopover summary={filterSummary(state)} label={`Filters: ${filterSummary(state)}`} panelClassName="flex gap-6">
        <Checks legend="Clusters" values={state.clusters} options={clusters} onChange={(v) => onChange({ clusters: v })} />
        <Checks legend="Namespaces" values={state.namespaces} options={namespaces} onChange={(v) => onChange({ namespaces: v })} />
        <label className="flex items-start gap-2 self-start whitespace-nowrap">
          <input type="checkbox" checked={state.hideIdle} onChange={(e) => onChange({ hideIdle: e.target.checked })} /> Hide idle
        </label>
      </ToolbarPopover>
      {search}
      <div className="ml-auto flex items-center gap-1.5">
        {problems}
        <ToolbarPopover summary={<span aria-hidden="true">⋯</span>} label="More graph options" align="right" panelClassName="flex w-64 flex-col gap-3">
          <label className="flex flex-col gap-1 text-xs">
            Edge labels
            <select value={state.label} onChange={(e) => onChange({ label: e.target.value as TopologyUrlState['label'] })} className={control}>
              {TOPOLOGY_LABELS.map((l) => <option key={l} value={l}>{LABEL_LABELS[l]}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs">
            Layout
            <select value={state.layout} onChange={(e) => onChange({ layout: e.target.value as TopologyUrlState['layout'] })} className={control}>
              {TOPOLOGY_LAYOUTS.map((l) => <option key={l} value={l}>{l === 'fcose' ? 'Force-directed (fcose)' : 'Layered (elk)'}</option>)}
            </select>
          </label>
          <button type="button" onClick={onFit} className={control}>Fit the graph to the canvas</button>
          <button type="button" onClick={onExport} className={control}>Export PNG</button>
        </ToolbarPopover>
      </div>
    </div>
  );
}
