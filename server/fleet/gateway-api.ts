import 'server-only';
import type { SlimConfigObject } from '../clusters/records';
import type { ConditionView } from '@/lib/fleet/dataplane-schema';
import type { ClusterStore } from './cluster-store';

/** Small readers over Gateway API (and other) config objects held by a cluster store. */

/** The objects of one group and kind, whatever version the cluster serves them in. */
export function* configObjects(store: ClusterStore, group: string, kind: string): Generator<SlimConfigObject> {
  const prefix = `${group}/`;
  for (const [id, table] of store.config) {
    if (!id.startsWith(prefix)) continue;
    for (const o of table.values()) {
      // A table holds one kind: the first object says which.
      if (o.kind !== kind) break;
      yield o;
    }
  }
}

/** One object of a group and kind by 'ns/name'. */
export function configObject(store: ClusterStore, group: string, kind: string, key: string): SlimConfigObject | undefined {
  const prefix = `${group}/`;
  for (const [id, table] of store.config) {
    if (!id.startsWith(prefix)) continue;
    const o = table.get(key);
    if (o?.kind === kind) return o;
  }
  return undefined;
}

const MAX_MESSAGE = 512;

/** The condition of `type` in a status conditions list, as the API answers it; undefined when absent or malformed. */
export function conditionOf(conditions: unknown, type: string): ConditionView | undefined {
  if (!Array.isArray(conditions)) return undefined;
  for (const c of conditions) {
    const co = c as { type?: unknown; status?: unknown; reason?: unknown; message?: unknown } | null;
    if (!co || co.type !== type) continue;
    const status = co.status === 'True' || co.status === 'False' ? co.status : 'Unknown';
    const out: ConditionView = { status };
    if (typeof co.reason === 'string' && co.reason) out.reason = co.reason;
    if (typeof co.message === 'string' && co.message) out.message = co.message.slice(0, MAX_MESSAGE);
    return out;
  }
  return undefined;
}

/** status.conditions of a config object, when it has any. */
export function statusConditions(o: SlimConfigObject): unknown {
  return (o.status as { conditions?: unknown } | undefined)?.conditions;
}
