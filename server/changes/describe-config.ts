import 'server-only';
import type { SlimConfigObject } from '../clusters/records';
import type { FieldChange } from '../history/types';
import { configServices } from './config-services';
import { compactValue, diffParts } from './field-diff';
import { actionOf, partsOf, type Describer } from './record-describer';
import { describeDiff, objectName } from './summary';

/** What a config change is about; resourceVersion, generation and status are noise here. */
const PARTS = ['spec', 'labels', 'annotations'] as const;

/** A created or deleted object in one field per part, each value compacted. */
function wholeObject(o: SlimConfigObject, side: 'before' | 'after'): FieldChange[] {
  const out: FieldChange[] = [{ path: 'spec', [side]: compactValue(o.spec) }];
  if (Object.keys(o.labels).length) out.push({ path: 'labels', [side]: compactValue(o.labels) });
  if (Object.keys(o.annotations).length) out.push({ path: 'annotations', [side]: compactValue(o.annotations) });
  return out;
}

/** Istio, Gateway API and Admiral objects: their spec, labels and annotations; a status-only write is quiet. */
export const describeConfig: Describer<SlimConfigObject> = (before, after, ctx) => {
  const o = (after ?? before)!;
  const action = actionOf(before, after);
  const diff = action === 'changed' ? diffParts(partsOf(before), partsOf(after), PARTS) : wholeObject(o, action === 'created' ? 'after' : 'before');
  if (diff.length === 0) return undefined;
  const isNamespace = (ns: string) => ctx.store.namespaces.has(ns);
  // A route moved from one host to another is about both.
  const services = new Set([...(before ? configServices(before, isNamespace) : []), ...(after ? configServices(after, isNamespace) : [])]);
  const what = `${o.kind} ${objectName(o.namespace, o.name)} ${action}`;
  return {
    at: ctx.at,
    cluster: ctx.cluster,
    category: 'config',
    kind: o.kind,
    namespace: o.namespace || undefined,
    name: o.name,
    action,
    summary: action === 'changed' ? `${what}: ${describeDiff(diff)}` : what,
    diff,
    services: [...services].sort(),
  };
};
