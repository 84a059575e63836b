import 'server-only';

/** A cluster name as metrics carry it, and where it was seen. */
export interface FoundLabel {
  label: string;
  value: string;
  /** The source it came from ('global' or the configured cluster). */
  source: string;
  /**
   * Seen on a waypoint's report, which is scraped in the client's cluster: its destination_cluster
   * names a cluster, but another cluster's Prometheus may rightly hold it (a cross-cluster call).
   */
  scrapedAtSource?: boolean;
}

/**
 * Compares fleet cluster names with the names metrics use (Kiali issue 7416:
 * when they differ, graphs and health silently miss that cluster's traffic).
 * Pure: given the fleet's names and the label values found, says what does not match.
 */
export function labelMismatch(fleetClusters: string[], found: FoundLabel[], configuredClusters: string[] = []) {
  const fleet = new Set(fleetClusters);
  const named = new Set(found.filter((f) => f.value && f.value !== 'unknown').map((f) => f.value));
  const clustersWithoutMetrics = fleetClusters.filter((c) => !named.has(c)).sort();
  const seen = new Set<string>();
  const labelValuesWithoutCluster = found
    .filter((f) => f.value && f.value !== 'unknown' && !fleet.has(f.value))
    .filter((f) => {
      const k = `${f.label}\u0000${f.value}\u0000${f.source}`;
      return !seen.has(k) && seen.add(k);
    })
    .sort((a, b) => a.value.localeCompare(b.value) || a.label.localeCompare(b.label));
  const messages: string[] = [];
  for (const f of labelValuesWithoutCluster) {
    const hint = clustersWithoutMetrics.length ? ` (fleet clusters without metrics: ${clustersWithoutMetrics.join(', ')})` : '';
    messages.push(`metrics from ${f.source} name cluster "${f.value}" in label ${f.label}, which is not a fleet cluster${hint}`);
  }
  for (const f of found) {
    if (f.source !== 'global' && f.label === 'destination_cluster' && !f.scrapedAtSource && f.value && f.value !== 'unknown' && f.value !== f.source) {
      messages.push(`the Prometheus configured for cluster ${f.source} holds inbound metrics of cluster "${f.value}": check telemetry.perCluster`);
    }
  }
  for (const c of configuredClusters) if (!fleet.has(c)) messages.push(`telemetry.perCluster names "${c}", which is not a fleet cluster`);
  if (clustersWithoutMetrics.length && !labelValuesWithoutCluster.length) {
    messages.push(`no Istio request metrics name ${clustersWithoutMetrics.join(', ')} in the window: no traffic yet, or the cluster label does not match the cluster name`);
  }
  return { clustersWithoutMetrics, labelValuesWithoutCluster, messages: [...new Set(messages)] };
}
