import { FILTER_CONTROL } from './filter-controls';

export interface ClusterSelectProps {
  value?: string;
  clusters: string[];
  onChange: (cluster: string | undefined) => void;
}

/** The "Cluster" filter of the list pages: every cluster, or one. */
export function ClusterSelect({ value, clusters, onChange }: ClusterSelectProps) {
  return (
    <label className="flex flex-col text-xs">
      Cluster
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} className={FILTER_CONTROL}>
        <option value="">All clusters</option>
        {clusters.map((c) => (
          <option key={c} value={c}>{c}</option>
        ))}
      </select>
    </label>
  );
}
