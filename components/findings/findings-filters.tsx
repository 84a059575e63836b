'use client';

import { ClusterSelect } from '@/components/ui/cluster-select';
import { FILTER_CONTROL, useDebouncedPatch } from '@/components/ui/filter-controls';
import type { FindingsUrlState } from '@/lib/ui/findings-url-state';

export interface FindingsFiltersProps {
  state: FindingsUrlState;
  clusters: string[];
  onChange: (next: Partial<FindingsUrlState>) => void;
}

/** Code, cluster, namespace and kind filters of the findings table, kept in the URL; a change goes back to page 1. */
export function FindingsFilters({ state, clusters, onChange }: FindingsFiltersProps) {
  const change = (next: Partial<FindingsUrlState>) => onChange({ ...next, page: 1 });
  const debounced = useDebouncedPatch<FindingsUrlState>(change);
  const text = (key: 'namespace' | 'kind', label: string, placeholder: string) => (
    <label className="flex flex-col text-xs">
      {label}
      <input type="text" defaultValue={state[key] ?? ''} onChange={(e) => debounced({ [key]: e.target.value.trim() || undefined })} placeholder={placeholder} className={`${FILTER_CONTROL} w-40`} />
    </label>
  );
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter findings">
      <label className="flex flex-col text-xs">
        Code
        <input
          type="text"
          defaultValue={state.code ?? ''}
          onChange={(e) => {
            const v = e.target.value.trim().toUpperCase();
            // Only a whole code filters; a half-typed one leaves the filter as it was.
            if (v === '' || /^(IST|MG)\d{4}$/.test(v)) debounced({ code: v || undefined });
          }}
          placeholder="IST0101 or MG0001"
          className={`${FILTER_CONTROL} w-40 font-mono`}
        />
      </label>
      <ClusterSelect value={state.cluster} clusters={clusters} onChange={(cluster) => change({ cluster })} />
      {text('namespace', 'Namespace', 'any')}
      {text('kind', 'Kind', 'VirtualService, Pod, …')}
    </div>
  );
}
