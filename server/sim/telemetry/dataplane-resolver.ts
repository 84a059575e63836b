/**
 * Who reports an edge's traffic, decided from the cluster stores at scrape
 * time: the client's and the server's data-plane mode (sidecar or ambient),
 * and the waypoint the destination service is bound to with its readiness.
 * Scenarios change the stores, so the telemetry follows them without knowing
 * the scenarios. Everything is cached per store resourceVersion: a scrape of
 * thousands of edges then costs two map lookups and two compares per edge.
 */
import { namespaceDataplane, podDataplane, waypointFor, waypointTrafficType, GATEWAY_NAME_LABEL, WAYPOINT_CLASS, type WaypointRef } from '../../../lib/fleet/dataplane';
import type { ClusterStore } from '../kube/types';
import { podHasProxy as hasProxy, podIsReady as isReady, podWorkloadName } from './pod-facts';
import { sideOf, type ServiceLabels, type Side } from './labels';
import type { ModelEdge, PathFault } from './traffic-model';

type Labels = Record<string, string> | undefined;

/** A waypoint an edge goes through, as its source's cluster has it. */
export interface WaypointState {
  cluster: string;
  namespace: string;
  name: string;
  /** A Gateway of class istio-waypoint by that name exists (the binding may name a missing one). */
  present: boolean;
  /** At least one of its pods is Ready. */
  ready: boolean;
  /** The waypoint as one end of a hop (its pods' labels and service account). */
  side: Side;
  /** Its Service, the destination of the client → waypoint hop. */
  service: ServiceLabels;
}

/** How one edge is reported. */
export interface EdgeDataplane {
  /** Neither end is ambient and no waypoint is in the way: rendered exactly as a sidecar mesh reports it. */
  plain: boolean;
  /** The client's traffic is captured by ztunnel (no client-side L7 reporter). */
  clientAmbient: boolean;
  /** The server's traffic is captured by ztunnel (no server-side L7 reporter). */
  serverAmbient: boolean;
  /** The waypoint the destination service is bound to in the source's cluster, if any. */
  waypoint?: WaypointState;
}

/** The answer for every edge of a fleet without ambient anything. */
export const PLAIN: EdgeDataplane = Object.freeze({ plain: true, clientAmbient: false, serverAmbient: false });

/** One cluster's store as of one resourceVersion; every answer computed on first use. */
class ClusterView {
  private readonly nsLabels = new Map<string, Labels>();
  private readonly modes = new Map<string, Map<string, 'ambient' | 'proxy' | 'none'>>();
  private readonly bindings = new Map<string, { known: boolean; ref: WaypointRef | undefined }>();
  private readonly waypoints = new Map<string, WaypointState | undefined>();

  constructor(
    readonly cluster: string,
    private readonly store: ClusterStore | undefined,
    readonly rv: number,
  ) {}

  private namespaceLabels(ns: string): Labels {
    if (!this.nsLabels.has(ns)) this.nsLabels.set(ns, this.store?.get('v1', 'Namespace', undefined, ns)?.metadata.labels);
    return this.nsLabels.get(ns);
  }

  /**
   * A workload reports as ambient when none of its pods runs a proxy and at least one is
   * redirected by ztunnel (a restart from one mode to the other flips it at once); with no
   * pods at all, what its namespace asks for.
   */
  workloadAmbient(ns: string, workload: string): boolean {
    let byWorkload = this.modes.get(ns);
    if (!byWorkload) {
      byWorkload = new Map();
      const nsLabels = this.namespaceLabels(ns);
      for (const pod of this.store?.list('v1', 'Pod', ns) ?? []) {
        const name = podWorkloadName(pod);
        const seen = byWorkload.get(name);
        if (seen === 'proxy') continue;
        const mode = podDataplane({ hasProxy: hasProxy(pod), labels: pod.metadata.labels, annotations: pod.metadata.annotations }, nsLabels);
        if (mode === 'sidecar') byWorkload.set(name, 'proxy');
        else if (mode === 'ambient' || !seen) byWorkload.set(name, mode);
      }
      this.modes.set(ns, byWorkload);
    }
    const mode = byWorkload.get(workload);
    return mode ? mode === 'ambient' : namespaceDataplane(this.namespaceLabels(ns)) === 'ambient';
  }

  /** The waypoint a Service uses (its labels, else its namespace's); `known: false` when this cluster lacks the Service. */
  binding(ns: string, service: string): { known: boolean; ref: WaypointRef | undefined } {
    const key = `${ns}/${service}`;
    let hit = this.bindings.get(key);
    if (!hit) {
      const svc = this.store?.get('v1', 'Service', ns, service);
      hit = { known: svc !== undefined, ref: svc ? waypointFor(ns, svc.metadata.labels, this.namespaceLabels(ns)) : undefined };
      this.bindings.set(key, hit);
    }
    return hit;
  }

  /**
   * The named waypoint in this cluster: undefined when its Gateway exists but takes no service
   * traffic (waypoint-for workload or none); `present: false` when no such Gateway exists.
   */
  waypoint(ref: WaypointRef, trustDomain: string): WaypointState | undefined {
    const key = `${ref.namespace}/${ref.name}`;
    if (this.waypoints.has(key)) return this.waypoints.get(key);
    const gw = this.store?.get('gateway.networking.k8s.io/v1', 'Gateway', ref.namespace, ref.name);
    const present = (gw?.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName === WAYPOINT_CLASS;
    const forType = waypointTrafficType(gw?.metadata.labels);
    let state: WaypointState | undefined;
    if (!present || forType === 'service' || forType === 'all') {
      const pods = present ? (this.store?.list('v1', 'Pod', ref.namespace) ?? []).filter((p) => p.metadata.labels?.[GATEWAY_NAME_LABEL] === ref.name) : [];
      const first = pods[0];
      const sa = (first?.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? ref.name;
      state = {
        cluster: this.cluster,
        namespace: ref.namespace,
        name: ref.name,
        present,
        ready: pods.some(isReady),
        side: sideOf({ cluster: this.cluster, namespace: ref.namespace, workload: first ? podWorkloadName(first) : ref.name }, first?.metadata.labels ?? { 'service.istio.io/canonical-name': ref.name }, sa, trustDomain),
        service: { host: `${ref.name}.${ref.namespace}.svc.cluster.local`, name: ref.name, namespace: ref.namespace },
      };
    }
    this.waypoints.set(key, state);
    return state;
  }
}

/** Decides per scrape how each edge is reported, from the stores of the clusters it touches. */
export class DataplaneResolver {
  private readonly views = new Map<string, ClusterView>();
  private readonly decisions = new WeakMap<ModelEdge, { srcRv: number; dstRv: number; value: EdgeDataplane }>();

  /** `storeOf` reaches every cluster's store by name (undefined: a cluster outside the simulator, reported plainly). */
  constructor(private readonly storeOf: (cluster: string) => ClusterStore | undefined) {}

  private view(cluster: string): ClusterView {
    const cached = this.views.get(cluster);
    const store = this.storeOf(cluster);
    const rv = store?.resourceVersion ?? -1;
    if (cached && cached.rv === rv) return cached;
    const view = new ClusterView(cluster, store, rv);
    this.views.set(cluster, view);
    return view;
  }

  /** How an edge is reported now: the client's mode in its cluster, the server's in its, the waypoint in the source's. */
  resolve(edge: ModelEdge): EdgeDataplane {
    const src = this.view(edge.sourceCluster);
    const dst = edge.destinationCluster === edge.sourceCluster ? src : this.view(edge.destinationCluster);
    const hit = this.decisions.get(edge);
    if (hit && hit.srcRv === src.rv && hit.dstRv === dst.rv) return hit.value;
    const value = decide(edge, src, dst);
    this.decisions.set(edge, { srcRv: src.rv, dstRv: dst.rv, value });
    return value;
  }

  /** The path fault the stores imply: a waypoint in the way with no ready pod. */
  readonly faultOf = (edge: ModelEdge): PathFault | undefined => {
    const wp = this.resolve(edge).waypoint;
    return wp && !wp.ready ? 'no-healthy-upstream' : undefined;
  };
}

function decide(edge: ModelEdge, src: ClusterView, dst: ClusterView): EdgeDataplane {
  const { source, destination } = edge.spec;
  const clientAmbient = src.workloadAmbient(source.namespace, source.workload);
  const serverAmbient = dst.workloadAmbient(destination.namespace, destination.workload);
  // Istio needs the same waypoint in every cluster; the client's cluster is where its traffic meets it.
  let bound = src.binding(destination.namespace, destination.service);
  if (!bound.known) bound = dst.binding(destination.namespace, destination.service);
  const waypoint = bound.ref ? src.waypoint(bound.ref, edge.trustDomain) : undefined;
  if (!clientAmbient && !serverAmbient && !waypoint) return PLAIN;
  return { plain: false, clientAmbient, serverAmbient, ...(waypoint ? { waypoint } : {}) };
}
