'use client';

import { ClusterSelect } from '@/components/ui/cluster-select';
import { FILTER_CONTROL, useDebouncedPatch } from '@/components/ui/filter-controls';
import type { ConfigUrlState } from '@/lib/ui/url-state';

export interface ConfigFiltersProps {
  state: ConfigUrlState;
  clusters: string[];
  onChange: (next: Partial<ConfigUrlState>) => void;
}

const KINDS = ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'EnvoyFilter', 'WorkloadEntry', 'GlobalTrafficPolicy', 'Dependency'];
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
          {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
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
