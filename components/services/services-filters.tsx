'use client';

import { ClusterSelect } from '@/components/ui/cluster-select';
import { FILTER_CONTROL, useDebouncedPatch } from '@/components/ui/filter-controls';
import { DATAPLANE_HINTS, DATAPLANE_ORDER } from '@/lib/ui/dataplane-view';
import { HEALTH_FILTERS, SERVICE_SORTS, TELEMETRY_SORTS, type ServicesUrlState } from '@/lib/ui/url-state';

export interface ServicesFiltersProps {
  state: ServicesUrlState;
  clusters: string[];
  /** The fleet's mesh IDs: with more than one, a mesh filter is offered. */
  meshes: string[];
  /** Whether the server has telemetry: health filter and signal sorts need it. */
  telemetry: boolean;
  onChange: (next: Partial<ServicesUrlState>) => void;
}

const SORT_LABELS: Record<(typeof SERVICE_SORTS)[number], string> = {
  name: 'Name A–Z', '-name': 'Name Z–A', namespace: 'Namespace A–Z', '-namespace': 'Namespace Z–A',
  clusters: 'Fewest clusters', '-clusters': 'Most clusters', endpoints: 'Fewest endpoints', '-endpoints': 'Most endpoints',
  health: 'Worst health first', '-rps': 'Busiest first', rps: 'Quietest first', '-errors': 'Most errors first', '-p95': 'Slowest p95 first',
};
const control = FILTER_CONTROL;

/** Search, cluster, mesh, namespace, kind, data plane, health and sort; every change goes to the URL. */
export function ServicesFilters({ state, clusters, meshes, telemetry, onChange }: ServicesFiltersProps) {
  const debounced = useDebouncedPatch<ServicesUrlState>(onChange);
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3" role="group" aria-label="Filter services">
      <label className="flex flex-col text-xs">
        Search
        <input type="search" defaultValue={state.q ?? ''} onChange={(e) => debounced({ q: e.target.value || undefined })} placeholder="name or host" className={`${control} w-56`} />
      </label>
      <ClusterSelect value={state.cluster} clusters={clusters} onChange={(cluster) => onChange({ cluster })} />
      {meshes.length > 1 || state.mesh ? (
        <label className="flex flex-col text-xs">
          Mesh
          <select aria-label="Mesh" value={state.mesh ?? ''} onChange={(e) => onChange({ mesh: e.target.value || undefined })} className={control}>
            <option value="">All meshes</option>
            {[...new Set([...meshes, ...(state.mesh ? [state.mesh] : [])])].map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col text-xs">
        Namespace
        <input type="text" defaultValue={state.namespace ?? ''} onChange={(e) => debounced({ namespace: e.target.value || undefined })} placeholder="any" className={`${control} w-36`} />
      </label>
      <label className="flex flex-col text-xs">
        Kind
        <select value={state.kind ?? ''} onChange={(e) => onChange({ kind: (e.target.value || undefined) as ServicesUrlState['kind'] })} className={control}>
          <option value="">Services and ServiceEntries</option>
          <option value="Service">Services</option>
          <option value="ServiceEntry">ServiceEntries</option>
        </select>
      </label>
      <label className="flex flex-col text-xs">
        Data plane
        <select aria-label="Data plane" data-testid="dataplane-filter" value={state.dataplane ?? ''} onChange={(e) => onChange({ dataplane: (e.target.value || undefined) as ServicesUrlState['dataplane'] })} className={control}>
          <option value="">Any data plane</option>
          {DATAPLANE_ORDER.map((m) => (
            <option key={m} value={m} title={DATAPLANE_HINTS[m]}>{m === 'mixed' ? 'mixed pods in a cluster' : `${m} in any cluster`}</option>
          ))}
        </select>
      </label>
      {telemetry ? (
        <label className="flex flex-col text-xs">
          Health
          <select aria-label="Health" value={state.health ?? ''} onChange={(e) => onChange({ health: (e.target.value || undefined) as ServicesUrlState['health'] })} className={control}>
            <option value="">Any health</option>
            {HEALTH_FILTERS.map((h) => (
              <option key={h} value={h}>{h}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col text-xs">
        Sort
        <select aria-label="Sort" value={state.sort} onChange={(e) => onChange({ sort: e.target.value as ServicesUrlState['sort'] })} className={control}>
          {SERVICE_SORTS.filter((s) => telemetry || !TELEMETRY_SORTS.has(s)).map((s) => (
            <option key={s} value={s}>{SORT_LABELS[s]}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
