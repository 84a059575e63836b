'use client';

import { FILTER_CONTROL } from '@/components/ui/filter-controls';
import { TOPOLOGY_GRAPH_TYPES, TOPOLOGY_LABELS, TOPOLOGY_LAYOUTS, TOPOLOGY_WINDOWS, type TopologyUrlState } from '@/lib/ui/url-state';

export interface TopologyToolbarProps {
  state: TopologyUrlState;
  clusters: string[];
  namespaces: string[];
  onChange: (next: Partial<TopologyUrlState>) => void;
  onExport: () => void;
  onFit: () => void;
}

const control = FILTER_CONTROL;
const GRAPH_LABELS = { workload: 'Workloads', app: 'Apps', versionedApp: 'Versioned apps', service: 'Services' } as const;
const LABEL_LABELS = { rate: 'Request rate', errors: 'Error %', p95: 'p95 latency', none: 'No labels' } as const;

function Multi({ label, values, options, onChange }: { label: string; values: string[]; options: string[]; onChange: (v: string[]) => void }) {
  return (
    <label className="flex flex-col text-xs">
      {label}
      <select multiple size={Math.min(4, Math.max(2, options.length))} value={values} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))} className={`${control} min-w-36`}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

/** Filters (clusters, namespaces, graph type, window, idle), label and layout choice, fit and PNG export. */
export function TopologyToolbar({ state, clusters, namespaces, onChange, onExport, onFit }: TopologyToolbarProps) {
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Graph options">
      <Multi label="Clusters (none = all)" values={state.clusters} options={clusters} onChange={(v) => onChange({ clusters: v })} />
      <Multi label="Namespaces (none = all)" values={state.namespaces} options={namespaces} onChange={(v) => onChange({ namespaces: v })} />
      <div className="flex flex-col gap-2">
        <label className="flex flex-col text-xs">
          Graph
          <select value={state.graphType} onChange={(e) => onChange({ graphType: e.target.value as TopologyUrlState['graphType'] })} className={control}>
            {TOPOLOGY_GRAPH_TYPES.map((g) => <option key={g} value={g}>{GRAPH_LABELS[g]}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-xs">
          Window
          <select value={state.window} onChange={(e) => onChange({ window: e.target.value as TopologyUrlState['window'] })} className={control}>
            {TOPOLOGY_WINDOWS.map((w) => <option key={w} value={w}>last {w}</option>)}
          </select>
        </label>
      </div>
      <div className="flex flex-col gap-2">
        <label className="flex flex-col text-xs">
          Edge labels
          <select value={state.label} onChange={(e) => onChange({ label: e.target.value as TopologyUrlState['label'] })} className={control}>
            {TOPOLOGY_LABELS.map((l) => <option key={l} value={l}>{LABEL_LABELS[l]}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-xs">
          Layout
          <select value={state.layout} onChange={(e) => onChange({ layout: e.target.value as TopologyUrlState['layout'] })} className={control}>
            {TOPOLOGY_LAYOUTS.map((l) => <option key={l} value={l}>{l === 'fcose' ? 'Force-directed (fcose)' : 'Layered (elk)'}</option>)}
          </select>
        </label>
      </div>
      <div className="flex flex-col gap-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={state.hideIdle} onChange={(e) => onChange({ hideIdle: e.target.checked })} /> Hide idle
        </label>
        <div className="flex gap-2">
          <button type="button" onClick={onFit} className={control}>Fit</button>
          <button type="button" onClick={onExport} className={control}>Export PNG</button>
        </div>
      </div>
    </div>
  );
}
