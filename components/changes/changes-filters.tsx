'use client';

import { ClusterSelect } from '@/components/ui/cluster-select';
import { FILTER_CONTROL, useDebouncedPatch } from '@/components/ui/filter-controls';
import { CHANGE_CATEGORIES } from '@/lib/history/changes-query';
import { CHANGE_WINDOWS, type ChangesUrlState } from '@/lib/ui/changes-url-state';
import { CATEGORY_STYLE } from './category-style';

export interface ChangesFiltersProps {
  state: ChangesUrlState;
  clusters: string[];
  onChange: (next: Partial<ChangesUrlState>) => void;
}

/** Window, cluster, namespace, service and category filters of the timeline, kept in the URL. */
export function ChangesFilters({ state, clusters, onChange }: ChangesFiltersProps) {
  const debounced = useDebouncedPatch<ChangesUrlState>(onChange);
  const toggle = (c: (typeof CHANGE_CATEGORIES)[number]) => onChange({ categories: state.categories.includes(c) ? state.categories.filter((x) => x !== c) : [...state.categories, c] });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter changes">
        <label className="flex flex-col text-xs">
          Window
          <select value={state.window} onChange={(e) => onChange({ window: e.target.value as ChangesUrlState['window'] })} className={FILTER_CONTROL}>
            {CHANGE_WINDOWS.map((w) => <option key={w} value={w}>last {w}</option>)}
          </select>
        </label>
        <ClusterSelect value={state.cluster} clusters={clusters} onChange={(cluster) => onChange({ cluster })} />
        <label className="flex flex-col text-xs">
          Namespace
          <input type="text" defaultValue={state.namespace ?? ''} onChange={(e) => debounced({ namespace: e.target.value.trim() || undefined })} placeholder="any" className={`${FILTER_CONTROL} w-36`} />
        </label>
        <label className="flex flex-col text-xs">
          Service
          <input type="text" defaultValue={state.service ?? ''} onChange={(e) => debounced({ service: e.target.value.trim() || undefined })} placeholder="namespace/name" className={`${FILTER_CONTROL} w-48`} />
        </label>
      </div>
      <div className="flex flex-wrap gap-1" role="group" aria-label="Categories">
        {CHANGE_CATEGORIES.map((c) => {
          const on = state.categories.includes(c);
          return (
            <button key={c} type="button" aria-pressed={on} onClick={() => toggle(c)} className={`rounded-full border px-2 py-0.5 text-xs ${on ? `${CATEGORY_STYLE[c].badge} border-transparent font-medium` : 'border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-300'}`}>
              {CATEGORY_STYLE[c].label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
