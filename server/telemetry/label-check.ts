import 'server-only';
import type { TelemetryClusterMismatch } from '@/lib/analysis/types';
import type { FanOut, TaggedSample } from './fan-out';
import { labelMismatch, type FoundLabel } from './label-mismatch';
import { INBOUND_REPORTERS, labelPresenceQuery, reporterMatcher } from './promql/istio-queries';
import type { TelemetryService } from './telemetry-service';

/** The cluster names metrics carry: each label value with its source, and which cluster-label value goes with which `destination_cluster`. */
export interface ClusterLabels {
  presence: FanOut<TaggedSample>;
  found: FoundLabel[];
  /** Cluster-label value -> the `destination_cluster` values seen with it (global mode). */
  pairs: Map<string, Set<string>>;
}

/** One `group by` query per source over the window: which cluster names the request metrics use. */
export async function findClusterLabels(svc: TelemetryService, clusters: string[], window: string): Promise<ClusterLabels> {
  const { client } = svc;
  const presence = await client.instant(
    // Waypoint reports too: a cluster whose services are all ambient behind waypoints has no destination report.
    // By reporter: a waypoint's report lives in the client's cluster, whatever its destination_cluster.
    (ctx) => labelPresenceQuery(ctx.clusterLabel ? [ctx.clusterLabel, 'destination_cluster', 'reporter'] : ['destination_cluster', 'reporter'], window, [reporterMatcher(INBOUND_REPORTERS)]),
    clusters,
  );
  const found: FoundLabel[] = [];
  const pairs = new Map<string, Set<string>>();
  const label = client.config.clusterLabel;
  for (const s of presence.samples) {
    const source = client.mode === 'global' ? 'global' : (s.scrapeCluster ?? 'global');
    const own = label ? s.metric[label] : undefined;
    const dest = s.metric.destination_cluster;
    const atSource = s.metric.reporter === 'waypoint';
    if (label && own !== undefined) found.push({ label, value: own, source });
    if (dest !== undefined) found.push(atSource ? { label: 'destination_cluster', value: dest, source, scrapedAtSource: true } : { label: 'destination_cluster', value: dest, source });
    // A waypoint's cluster label is the client's cluster, not the destination's: no pair.
    if (own && dest && !atSource) pairs.set(own, (pairs.get(own) ?? new Set()).add(dest));
  }
  return { presence, found, pairs };
}

/**
 * MG0018 input: metric cluster names that are not fleet clusters, each paired
 * with the fleet cluster it stands for when the metrics say so (its
 * `destination_cluster`), or when exactly one name and one fleet cluster
 * without metrics are left. A fleet cluster without metrics and no odd name
 * is not reported: an idle cluster looks the same.
 */
export function telemetryMismatches(fleetClusters: string[], labels: Pick<ClusterLabels, 'found' | 'pairs'>): TelemetryClusterMismatch[] {
  const fleet = new Set(fleetClusters);
  const { clustersWithoutMetrics, labelValuesWithoutCluster } = labelMismatch(fleetClusters, labels.found);
  const out: TelemetryClusterMismatch[] = [];
  const unpaired: typeof labelValuesWithoutCluster = [];
  for (const f of labelValuesWithoutCluster) {
    // Global mode: the destination_cluster seen with the odd name; per-cluster mode: the cluster whose Prometheus answered.
    const owners = [...(labels.pairs.get(f.value) ?? [])].filter((c) => fleet.has(c));
    if (!owners.length && fleet.has(f.source)) owners.push(f.source);
    if (owners.length) for (const cluster of owners.sort()) out.push({ cluster, telemetryCluster: f.value, detail: `label ${f.label}` });
    else unpaired.push(f);
  }
  const values = [...new Set(unpaired.map((f) => f.value))];
  if (values.length === 1 && clustersWithoutMetrics.length === 1) {
    out.push({ cluster: clustersWithoutMetrics[0], telemetryCluster: values[0], detail: `label ${unpaired[0]!.label}, the only fleet cluster without metrics` });
  } else {
    for (const f of unpaired) out.push({ telemetryCluster: f.value, detail: `label ${f.label} from ${f.source}` });
  }
  const seen = new Set<string>();
  return out.filter((m) => {
    const k = `${m.cluster ?? ''}\u0000${m.telemetryCluster ?? ''}`;
    return !seen.has(k) && seen.add(k);
  });
}
