import 'server-only';
import type { SlimDeployment } from '../clusters/records';
import type { ClusterStore } from '../fleet/cluster-store';
import { diffParts } from './field-diff';
import { actionOf, partsOf, type Describer } from './record-describer';
import { describeDiff, objectName } from './summary';

/** What a rollout changes; ready and available counts churn and are left out. */
const PARTS = ['images', 'replicas', 'templateLabels'] as const;

/** Services of the Deployment's namespace whose selector its pod template labels match. */
export function selectingServices(store: ClusterStore, namespace: string, labelSets: ReadonlyArray<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const s of store.services.values()) {
    if (s.namespace !== namespace || !s.selector) continue;
    const sel = Object.entries(s.selector);
    if (sel.length === 0) continue;
    if (labelSets.some((labels) => sel.every(([k, v]) => labels[k] === v))) out.push(`${s.namespace}/${s.name}`);
  }
  return out.sort();
}

/** Deployments: container images, spec replicas and pod template labels. */
export const describeDeployment: Describer<SlimDeployment> = (before, after, ctx) => {
  const d = (after ?? before)!;
  const action = actionOf(before, after);
  const diff = diffParts(action === 'created' ? {} : partsOf(before), action === 'deleted' ? {} : partsOf(after), PARTS);
  if (diff.length === 0) return undefined;
  // Only for a change worth recording: a walk over the cluster's Services, not one per status update.
  const services = selectingServices(ctx.store, d.namespace, [before?.templateLabels, after?.templateLabels].filter((l) => l !== undefined));
  const what = `Deployment ${objectName(d.namespace, d.name)} ${action}`;
  return {
    at: ctx.at,
    cluster: ctx.cluster,
    category: 'workload',
    kind: 'Deployment',
    namespace: d.namespace,
    name: d.name,
    action,
    summary: action === 'changed' ? `${what}: ${describeDiff(diff)}` : what,
    diff,
    services,
  };
};
