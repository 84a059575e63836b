import type { ClusterDetail } from '../fleet/clusters';
import type { Ztunnel } from '../fleet/ambient';
import { plural } from './format';

/** The ztunnel panel's one-line summary. */
export interface ZtunnelSummary {
  total: number;
  ready: number;
  /** Nodes whose ztunnel pod is not ready, or that have none: their ambient pods are cut off. */
  problems: Ztunnel[];
  line: string;
}

/** "N of M nodes ready", naming the nodes that are not, and how many ambient pods they carry. */
export function ztunnelSummary(ztunnels: readonly Ztunnel[]): ZtunnelSummary {
  const ready = ztunnels.filter((z) => z.state === 'ready').length;
  const problems = ztunnels.filter((z) => z.state !== 'ready');
  const cut = problems.reduce((n, z) => n + z.ambientPods, 0);
  const parts = [`${ready} of ${plural(ztunnels.length, 'node')} ready`];
  const notReady = problems.filter((z) => z.state === 'not-ready').map((z) => z.node);
  const missing = problems.filter((z) => z.state === 'missing').map((z) => z.node);
  if (notReady.length) parts.push(`not ready: ${notReady.join(', ')}`);
  if (missing.length) parts.push(`no ztunnel: ${missing.join(', ')}`);
  if (cut) parts.push(`${plural(cut, 'ambient pod')} cut off`);
  return { total: ztunnels.length, ready, problems, line: parts.join(' · ') };
}

/** Whether the cluster has anything ambient to show: ztunnel pods, ambient namespaces or waypoints. */
export function runsAmbient(c: Pick<ClusterDetail, 'ambient' | 'ztunnels' | 'waypoints'>): boolean {
  return c.ambient !== undefined || c.ztunnels.length > 0 || c.waypoints.length > 0;
}
