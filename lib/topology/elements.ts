import type { HealthStatus } from '../health/health-status';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { Graph, GraphNode, NodeKind } from './types';

/** Data of a cytoscape node: a graph node, or a cluster/namespace/app box (compound parent). */
export type TopologyNodeData = Omit<GraphNode, 'kind' | 'health'> & {
  parent?: string;
  kind: NodeKind | 'cluster' | 'namespace' | 'appBox';
  network?: string;
  health?: HealthStatus;
  healthReasons?: string[];
};

/**
 * Data of a cytoscape edge; rates per second, error shares in percent, mTLS share 0..1.
 * `errorRates`, `healthReasons` and `via` are written only on request (`edgeDetail`): the
 * page reads none of them, and they were a quarter of a 5,000-node answer.
 */
export interface TopologyEdgeData {
  id: string;
  source: string;
  target: string;
  protocol: string;
  rps: number;
  errorPercent: number;
  errorRates?: { http5xx: number; http4xx: number; grpc: number; noResponse: number };
  tcpBytesPerSecond: number;
  p95Ms: number | null;
  mtlsShare: number | null;
  crossCluster: boolean;
  crossNetwork: boolean;
  via?: string;
  /** Carried over HBONE (ambient: ztunnel or a waypoint on the path); written only when true. */
  hbone?: boolean;
  /** The waypoint node (`wp:<cluster>/<ns>/<name>`) an ambient L7 edge or hop belongs to. */
  waypoint?: string;
  health?: HealthStatus;
  healthReasons?: string[];
}

export interface TopologyElements {
  nodes: Array<{ data: TopologyNodeData }>;
  edges: Array<{ data: TopologyEdgeData }>;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Last step: cytoscape elements. Every node sits in its namespace box, inside
 * its cluster box (`cluster:<c>`, `ns:<c>/<ns>`); nodes without a namespace
 * (unknown, ServiceEntry hosts, passthrough) sit directly in the cluster box.
 * In the versioned-app graph the versions of an app sit in its app box
 * (`appbox:<c>/<ns>/<app>`) inside the namespace box, as Kiali draws them.
 * Output is sorted by id so identical graphs serialise identically.
 */
export function toElements(g: Graph, networkOf: (cluster: string) => string | undefined = () => undefined, opts: { edgeDetail?: boolean } = {}): TopologyElements {
  return runToEnd(toElementsPaced(g, networkOf, opts));
}

/** toElements with pause points (lib/topology/paced.ts). */
export function* toElementsPaced(g: Graph, networkOf: (cluster: string) => string | undefined = () => undefined, opts: { edgeDetail?: boolean } = {}): Paced<TopologyElements> {
  let i = 0;
  const detail = opts.edgeDetail === true;
  const boxes = new Map<string, TopologyNodeData>();
  const nodes: Array<{ data: TopologyNodeData }> = [];
  for (const n of g.nodes.values()) {
    if (pauseAfter(i++)) yield;
    // The outside node belongs to no cluster: it gets no box, so no name is drawn around it.
    if (n.kind === 'outside') {
      nodes.push({ data: { id: n.id, kind: n.kind, cluster: n.cluster, name: n.name } });
      continue;
    }
    const clusterBox = `cluster:${n.cluster}`;
    if (!boxes.has(clusterBox)) {
      const network = networkOf(n.cluster);
      boxes.set(clusterBox, { id: clusterBox, kind: 'cluster', cluster: n.cluster, name: n.cluster, ...(network ? { network } : {}) });
    }
    let parent = clusterBox;
    if (n.namespace !== undefined) {
      parent = `ns:${n.cluster}/${n.namespace}`;
      if (!boxes.has(parent)) boxes.set(parent, { id: parent, parent: clusterBox, kind: 'namespace', cluster: n.cluster, namespace: n.namespace, name: n.namespace });
      if (n.kind === 'versionedApp' && n.app) {
        const appBox = `appbox:${n.cluster}/${n.namespace}/${n.app}`;
        if (!boxes.has(appBox)) boxes.set(appBox, { id: appBox, parent, kind: 'appBox', cluster: n.cluster, namespace: n.namespace, name: n.app, app: n.app });
        parent = appBox;
      }
    }
    const { health, ...rest } = n;
    nodes.push({ data: { ...rest, parent, ...(health ? { health: health.status, healthReasons: health.reasons } : {}) } });
  }
  const edges: Array<{ data: TopologyEdgeData }> = [];
  for (const e of g.edges.values()) {
    if (pauseAfter(i++)) yield;
    const r = e.rates;
    // Shares in percent of the edge's total.
    const total = r.total;
    const rps = r3(total);
    const errorPercent = total > 0 ? r3(((r.http5xx + r.grpc + r.noResponse) / total) * 100) : 0;
    const tcpBytesPerSecond = r3(e.tcpBytes);
    const mtlsShare = e.mtlsShare === null ? null : r3(e.mtlsShare);
    // Written out (no spreads: this loop runs once per edge); with detail, errorRates sits where it always has.
    const data: TopologyEdgeData = detail
      ? {
          id: e.id, source: e.source, target: e.target, protocol: e.protocol, rps, errorPercent,
          errorRates: total > 0
            ? { http5xx: r3((r.http5xx / total) * 100), http4xx: r3((r.http4xx / total) * 100), grpc: r3((r.grpc / total) * 100), noResponse: r3((r.noResponse / total) * 100) }
            : { http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 },
          tcpBytesPerSecond, p95Ms: e.p95Ms, mtlsShare, crossCluster: e.crossCluster, crossNetwork: e.crossNetwork,
        }
      : { id: e.id, source: e.source, target: e.target, protocol: e.protocol, rps, errorPercent, tcpBytesPerSecond, p95Ms: e.p95Ms, mtlsShare, crossCluster: e.crossCluster, crossNetwork: e.crossNetwork };
    if (detail && e.via) data.via = e.via;
    // Only where set: sidecar answers keep their bytes.
    if (e.hbone) data.hbone = true;
    if (e.waypoint !== undefined) data.waypoint = e.waypoint;
    if (e.health) {
      data.health = e.health.status;
      if (detail) data.healthReasons = e.health.reasons;
    }
    edges.push({ data });
  }
  for (const data of boxes.values()) nodes.push({ data });
  const sortedNodes = sortById(nodes);
  yield;
  return { nodes: sortedNodes, edges: sortById(edges) };
}

const byId = <T extends { data: { id: string } }>(a: T, b: T) => (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0);

/**
 * Elements in id order (UTF-16 code units, as `<` compares). The ids are
 * sorted by the built-in comparison, which needs no call into JS per
 * comparison (a comparator sort was a good part of toElements at 20,000
 * elements); repeated ids, which a graph never has, fall back to the comparator.
 */
export function sortById<T extends { data: { id: string } }>(elements: T[]): T[] {
  const of = new Map<string, T>();
  for (const e of elements) of.set(e.data.id, e);
  if (of.size !== elements.length) return elements.sort(byId);
  const ids = [...of.keys()].sort();
  for (let i = 0; i < ids.length; i++) elements[i] = of.get(ids[i]!)!;
  return elements;
}
