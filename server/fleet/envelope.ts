import 'server-only';
import type { ClusterStatus, FleetResponse } from '@/lib/api/envelope';
import { toClusterStatus } from '../clusters/cluster-state';
import type { FleetModel } from './model';
import { allows, type VisibilityScope } from './scope';

/** Every cluster the scope may see, with its state, reason and data age. */
export function clusterStatuses(model: FleetModel, scope: VisibilityScope, now = Date.now()): Record<string, ClusterStatus> {
  const out: Record<string, ClusterStatus> = {};
  for (const e of model.clusters()) if (allows(scope, e.info.name)) out[e.info.name] = toClusterStatus(e.view.condition(now));
  return out;
}

/** Wraps data in the FleetResponse envelope. */
export function envelope<T>(model: FleetModel, scope: VisibilityScope, data: T): FleetResponse<T> {
  return { data, clusters: clusterStatuses(model, scope), revision: model.revision, generatedAt: new Date().toISOString() };
}

/** Whether nothing is known yet: clusters exist but none has synced a single kind (routes answer 503 with the envelope). */
export function nothingKnown(model: FleetModel, now = Date.now()): boolean {
  const entries = model.clusters();
  return entries.length > 0 && entries.every((e) => e.view.condition(now).syncedKinds === 0);
}
