import type { AnalysisContext } from '../../context';
import { meshFinding } from '../../finding';
import type { Finding } from '../../types';
import { clusterRef } from './util';

/**
 * MG0018 (fleet-wide): cluster names that do not match the `cluster` label of
 * the metrics (the list comes from server/telemetry, which compares them).
 */
export function checkTelemetryClusterLabels(ctx: AnalysisContext): Finding[] {
  return (ctx.options.telemetryMismatches ?? []).map((m) => {
    const objects = m.cluster ? [clusterRef(m.cluster)] : [];
    const what = m.cluster && m.telemetryCluster
      ? `Cluster ${m.cluster} reports metrics as cluster="${m.telemetryCluster}"`
      : m.cluster
        ? `No metrics carry cluster="${m.cluster}"`
        : `Metrics carry cluster="${m.telemetryCluster ?? ''}", which names no cluster of the fleet`;
    return meshFinding('MG0018', objects, `${what}${m.detail ? ` (${m.detail})` : ''}; the graph and health of that cluster will be empty or misattributed.`);
  });
}
