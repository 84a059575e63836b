'use client';

import { ClusterSelect } from '@/components/ui/cluster-select';
import { FILTER_CONTROL, useDebouncedPatch } from '@/components/ui/filter-controls';
import { CONFIG_KIND_FAMILIES, isListedKind, kindLabel } from '@/lib/ui/config-kinds';
import type { ConfigUrlState } from '@/lib/ui/url-state';

export interface ConfigFiltersProps {
  state: ConfigUrlState;
  clusters: string[];
  onChange: (next: Partial<ConfigUrlState>) => void;
}

const control = FILTER_CONTROL;

/** Kind, cluster, namespace and text filters of the config list, kept in the URL. */
export function ConfigFilters({ state, clusters, onChange }: ConfigFiltersProps) {
  const debounced = useDebouncedPatch<ConfigUrlState>(onChange);
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter config">
      <label className="flex flex-col text-xs">
        Kind
        <select value={state.kind ?? ''} onChange={(e) => onChange({ kind: e.target.value || undefined })} className={control}>
          <option value="">All kinds</option>
          {/* A link may name a kind the list does not offer (a bare Gateway, a kind from a finding): keep it selectable. */}
          {state.kind && !isListedKind(state.kind) ? <option value={state.kind}>{kindLabel(state.kind)}</option> : null}
          {CONFIG_KIND_FAMILIES.map((f) => (
            <optgroup key={f.label} label={f.label}>
              {f.kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <ClusterSelect value={state.cluster} clusters={clusters} onChange={(cluster) => onChange({ cluster })} />
      <label className="flex flex-col text-xs">
        Namespace
        <input type="text" defaultValue={state.namespace ?? ''} onChange={(e) => debounced({ namespace: e.target.value || undefined })} placeholder="any" className={`${control} w-36`} />
      </label>
      <label className="flex flex-col text-xs">
        Name contains
        <input type="search" defaultValue={state.q ?? ''} onChange={(e) => debounced({ q: e.target.value || undefined })} placeholder="name" className={`${control} w-48`} />
      </label>
    </div>
  );
}
