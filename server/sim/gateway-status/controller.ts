/**
 * A per-cluster stand-in for istiod's status writer: recomputes Gateway,
 * route and Service status from the store whenever an object they depend on
 * changes (one pass per tick), and writes only what differs.
 */
import { kubeTime } from '../kube/object-utils';
import type { ClusterStore, KubeObject } from '../kube/types';
import { GATEWAY_API, storeView } from './cluster-view';
import { gatewayStatus } from './gateway-status';
import { routeStatus } from './route-status';
import { serviceStatus } from './waypoint-bound';

/** Kinds whose changes can change a status this controller writes. */
const INPUT_KINDS: ReadonlySet<string> = new Set(['Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'Service', 'Namespace', 'Deployment', 'Pod']);
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;

export interface GatewayStatusController {
  /** Runs one pass now; returns how many objects it wrote. */
  sync(): number;
  stop(): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** One pass over the store: the objects whose status must change, with their new status. */
export function statusWrites(store: ClusterStore, now: string): KubeObject[] {
  const view = storeView(store);
  const out: KubeObject[] = [];
  const attached = new Map<string, number>();
  for (const kind of ROUTE_KINDS) {
    for (const r of store.list(GATEWAY_API, kind)) {
      const next = routeStatus(r, view, now);
      for (const key of next.attached) attached.set(key, (attached.get(key) ?? 0) + 1);
      if (!r.status && next.status.parents.length === 0) continue;
      if (!same(r.status, next.status)) out.push({ ...r, status: next.status });
    }
  }
  for (const gw of store.list(GATEWAY_API, 'Gateway')) {
    const key = `${gw.metadata.namespace}/${gw.metadata.name}`;
    const next = gatewayStatus(gw, view, (listener) => attached.get(`${key}/${listener}`) ?? 0, now);
    if (next && !same(gw.status, next)) out.push({ ...gw, status: next });
  }
  for (const svc of store.list('v1', 'Service')) {
    const next = serviceStatus(svc, view, now);
    if (!same(svc.status, next)) out.push({ ...svc, status: next });
  }
  return out;
}

/**
 * Starts the controller on a cluster store: one pass now, then one per tick
 * after changes to Gateways, routes, ReferenceGrants, Services, Namespaces,
 * Deployments or Pods. Its own writes do not trigger passes (a pass's result
 * never depends on the status it writes), so it cannot loop.
 */
export function startGatewayStatusController(store: ClusterStore, opts: { now?: () => string } = {}): GatewayStatusController {
  const now = opts.now ?? (() => kubeTime());
  let writing = false;
  let scheduled: NodeJS.Immediate | undefined;
  let stopped = false;

  const sync = (): number => {
    if (stopped) return 0;
    const writes = statusWrites(store, now());
    writing = true;
    try {
      for (const o of writes) {
        try {
          store.apply(o);
        } catch (err) {
          // One rejected status (schema) must not stop the rest.
          console.error(`[sim/gateway-status] writing ${o.kind} ${o.metadata.namespace}/${o.metadata.name} failed`, err);
        }
      }
    } finally {
      writing = false;
    }
    return writes.length;
  };

  const unsubscribe = store.subscribe((e) => {
    if (writing || stopped || scheduled || !INPUT_KINDS.has(e.object.kind)) return;
    scheduled = setImmediate(() => {
      scheduled = undefined;
      sync();
    });
  });
  sync();
  return {
    sync,
    stop() {
      stopped = true;
      unsubscribe();
      if (scheduled) clearImmediate(scheduled);
      scheduled = undefined;
    },
  };
}
