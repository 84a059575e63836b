import type { DataplaneSummary } from '../fleet/dataplane';

/** The order badges and filter options appear in. */
export const DATAPLANE_ORDER: readonly DataplaneSummary[] = ['sidecar', 'ambient', 'none', 'mixed'];

/** What each mode means, for tooltips and filter labels. */
export const DATAPLANE_HINTS: Readonly<Record<DataplaneSummary, string>> = {
  sidecar: 'an Envoy sidecar in each pod',
  ambient: 'ztunnel on the node captures the traffic (istio.io/dataplane-mode=ambient)',
  none: 'not in the mesh: no sidecar and no ambient redirection',
  mixed: 'pods of one cluster differ',
};

/** A data-plane cell: the modes to badge, in order, and whether to warn. */
export interface DataplaneCellView {
  modes: DataplaneSummary[];
  /** The service is not in one mode everywhere: more than one mode across clusters, or mixed pods in one. */
  differs: boolean;
  /** Why it differs, for the tooltip. */
  why?: string;
}

/**
 * Shapes a service row's distinct modes (one per cluster instance, 'mixed'
 * when one cluster's pods differ) into badges. Two modes across clusters
 * gain a leading 'mixed' badge, so the warning reads the same either way.
 */
export function dataplaneCell(modes: readonly DataplaneSummary[]): DataplaneCellView {
  const distinct = DATAPLANE_ORDER.filter((m) => modes.includes(m));
  const plain = distinct.filter((m) => m !== 'mixed');
  const acrossClusters = plain.length > 1;
  const differs = acrossClusters || distinct.includes('mixed');
  if (!differs) return { modes: distinct, differs };
  const why = [acrossClusters ? `${plain.join(' in some clusters, ')} in others` : '', distinct.includes('mixed') ? 'pods of one cluster are in different modes' : ''].filter(Boolean).join('; ');
  return { modes: ['mixed', ...plain], differs, why };
}
