import 'server-only';
import type { SlimService } from '../clusters/records';
import { diffParts } from './field-diff';
import { actionOf, partsOf, type Describer } from './record-describer';
import { describeDiff, objectName } from './summary';

/** What routing reads of a Service; labels, addresses and the cluster IP are left out. */
const PARTS = ['type', 'selector', 'ports'] as const;

/** Kubernetes Services: type, selector and ports (by name). */
export const describeService: Describer<SlimService> = (before, after, ctx) => {
  const s = (after ?? before)!;
  const action = actionOf(before, after);
  const diff = diffParts(action === 'created' ? {} : partsOf(before), action === 'deleted' ? {} : partsOf(after), PARTS);
  if (diff.length === 0) return undefined;
  const what = `Service ${objectName(s.namespace, s.name)} ${action}`;
  return {
    at: ctx.at,
    cluster: ctx.cluster,
    category: 'service',
    kind: 'Service',
    namespace: s.namespace,
    name: s.name,
    action,
    summary: action === 'changed' ? `${what}: ${describeDiff(diff)}` : what,
    diff,
    services: [`${s.namespace}/${s.name}`],
  };
};
