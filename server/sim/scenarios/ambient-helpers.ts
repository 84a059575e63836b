/** Helpers of the ambient and Gateway API scenarios: the demo's shop clusters, failing pods, deletions undone on revert. */
import { GATEWAY_NAME_LABEL } from '../../../lib/fleet/dataplane';
import type { KubeObject } from '../kube/types';
import { restorable } from './helpers';
import type { ScenarioCluster, ScenarioFleet } from './types';

export const SHOP = 'shop';
export const WAYPOINT = 'waypoint';
export const GATEWAY_API = 'gateway.networking.k8s.io/v1';

/** The cluster of that name, or undefined on a fleet without it (the scenarios then do nothing). */
export const clusterNamed = (fleet: ScenarioFleet, name: string): ScenarioCluster | undefined => fleet.clusters.find((c) => c.name === name);

const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/** The pods of a Gateway's deployment (labelled gateway.networking.k8s.io/gateway-name), by name. */
export const gatewayPods = (c: ScenarioCluster, namespace: string, gateway: string): KubeObject[] =>
  c.store.list('v1', 'Pod', namespace).filter((p) => p.metadata.labels?.[GATEWAY_NAME_LABEL] === gateway).sort(byName);

interface PodStatus {
  conditions?: Array<{ type: string; status: string }>;
  containerStatuses?: Array<Record<string, unknown>>;
}

/** The pod crash-looping: Ready and ContainersReady False, every container waiting in CrashLoopBackOff (as workloads.ts writes not-ready pods). */
export function crashLooping(pod: KubeObject): KubeObject {
  const copy = structuredClone(pod);
  const status = (copy.status ?? {}) as PodStatus;
  status.conditions = (status.conditions ?? []).map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' } : c));
  status.containerStatuses = (status.containerStatuses ?? []).map((s) => ({ ...s, ready: false, started: true, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } }));
  copy.status = status;
  return copy;
}

/** A Deployment's status with no replica ready. */
export function noneReady(deployment: KubeObject): KubeObject {
  const copy = structuredClone(deployment);
  const replicas = (copy.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  copy.status = {
    ...(copy.status as Record<string, unknown>),
    readyReplicas: 0,
    availableReplicas: 0,
    unavailableReplicas: replicas,
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  };
  return copy;
}

/**
 * Deletes objects from a cluster until the scenario ends, then re-applies
 * them without server metadata. The uid is kept so ownerReferences to them
 * (a waypoint's Deployment names its Gateway) still hold after the revert.
 */
export function removeUntilRevert(fleet: ScenarioFleet, c: ScenarioCluster, objects: KubeObject[]): void {
  const removed: KubeObject[] = [];
  for (const o of objects) {
    if (c.store.delete(o.apiVersion, o.kind, o.metadata.namespace, o.metadata.name)) removed.push(o);
  }
  fleet.onRevert(() => {
    for (const o of removed) {
      const back = restorable(o);
      if (o.metadata.uid) back.metadata.uid = o.metadata.uid;
      c.store.apply(back);
    }
  });
}
