import 'server-only';
import type { SlimNamespace } from '../clusters/records';
import { diffFields } from './field-diff';
import { actionOf, type Describer } from './record-describer';
import { describeDiff } from './summary';

/** The labels that put a namespace in or out of the mesh, or change how it is in it. */
export const MESH_LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode', 'istio.io/use-waypoint'] as const;

function meshLabels(ns: SlimNamespace | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of MESH_LABELS) {
    const v = ns?.labels[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Namespaces: only their mesh labels; a namespace without any comes and goes quietly. */
export const describeNamespace: Describer<SlimNamespace> = (before, after, ctx) => {
  const ns = (after ?? before)!;
  const action = actionOf(before, after);
  const diff = diffFields({ labels: meshLabels(before) }, { labels: meshLabels(after) });
  if (diff.length === 0) return undefined;
  const what = `Namespace ${ns.name} ${action}`;
  return {
    at: ctx.at,
    cluster: ctx.cluster,
    category: 'namespace',
    kind: 'Namespace',
    // Its own namespace, so whoever may see the namespace sees the entry.
    namespace: ns.name,
    name: ns.name,
    action,
    summary: `${what}: ${describeDiff(diff)}`,
    diff,
    services: [],
  };
};
