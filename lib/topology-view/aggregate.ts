/**
 * Namespace aggregation of large graphs (docs/topology-rendering.md). Above
 * AGGREGATE_ABOVE_NODES nodes the page first draws one node per namespace
 * across clusters (Istio's namespace sameness: `reviews` in `bookinfo` is one
 * service in every cluster), with edges merged between them; a namespace is
 * expanded into its own nodes on demand. Pure: elements in, elements out.
 */
import { worse, type HealthStatus } from '../health/health-status';
import type { TopologyEdgeData, TopologyNodeData } from '../topology/elements';
import { pauseAfter, runToEnd, type Paced } from '../topology/paced';

/**
 * Graphs with more nodes than this (boxes not counted) open grouped by namespace.
 * Cytoscape draws ~1,000 nodes in about 2-3 s on 2 software-rendering cores
 * (docs/topology-rendering.md); beyond that a first picture of everything is not readable anyway.
 */
export const AGGREGATE_ABOVE_NODES = 1000;

/** `auto`: grouped above the threshold; `namespace`: always grouped; `off`: never. */
export const GROUPINGS = ['auto', 'namespace', 'off'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A namespace's share of one cluster, for the group's side panel. */
export interface GroupCluster {
  cluster: string;
  nodes: number;
  health: HealthStatus;
  /** Nodes in this cluster whose health is failure, degraded or not-ready. */
  unhealthy: number;
}

/** Node data as the view draws it: an API node, or a namespace group standing for many. */
export type ViewNodeData = Omit<TopologyNodeData, 'kind'> & {
  kind: TopologyNodeData['kind'] | 'namespaceGroup';
  /** Namespace groups: how many nodes they stand for, and by cluster (sorted worst first). */
  members?: number;
  byCluster?: GroupCluster[];
};

/** Edge data as the view draws it; merged edges carry how many edges they stand for. */
export type ViewEdgeData = Omit<TopologyEdgeData, 'errorRates' | 'via' | 'healthReasons'> &
  Partial<Pick<TopologyEdgeData, 'errorRates' | 'via' | 'healthReasons'>> & { members?: number };

export interface ViewElements {
  nodes: Array<{ data: ViewNodeData }>;
  edges: Array<{ data: ViewEdgeData }>;
}

/** The id of a namespace's group node. */
export const groupId = (namespace: string) => `nsgroup:${namespace}`;

// Only these are folded into their namespace; gateways, waypoints, unknown callers, external hosts
// and the outside node are few (about one per cluster) and show paths a triage needs.
const GROUPABLE: ReadonlySet<string> = new Set(['workload', 'app', 'versionedApp', 'service']);
const BOX: ReadonlySet<string> = new Set(['cluster', 'namespace', 'appBox']);

/** The namespace a node is grouped into, if it is one that is grouped. */
export function groupOf(n: Pick<ViewNodeData, 'kind' | 'namespace'>): string | undefined {
  return GROUPABLE.has(n.kind) && n.namespace !== undefined ? n.namespace : undefined;
}

/** Nodes that are not boxes: what the threshold counts. */
export function nodeCount(els: Pick<ViewElements, 'nodes'>): number {
  let n = 0;
  for (const { data } of els.nodes) if (!BOX.has(data.kind)) n++;
  return n;
}

/** Whether the graph is drawn grouped by namespace. */
export function isGrouped(els: Pick<ViewElements, 'nodes'>, grouping: Grouping): boolean {
  return grouping === 'namespace' || (grouping === 'auto' && nodeCount(els) > AGGREGATE_ABOVE_NODES);
}

/**
 * The namespace in a grouped kind's node id: `wl:`, `app:`, `svc:`
 * `<cluster>/<namespace>/<name>` and `vapp:` `<cluster>/<namespace>/<app>/<version>`
 * (lib/topology/node-identity.ts). A deep-linked node may not be in a grouped
 * answer, so its namespace is read from the id; from the right, as a cluster
 * name (a kubeconfig context) may hold a '/'.
 */
export function namespaceOfNodeId(id: string): string | undefined {
  const m = /^(wl|app|svc|vapp):(.+)$/.exec(id);
  if (!m) return undefined;
  const parts = m[2]!.split('/');
  const back = m[1] === 'vapp' ? 3 : 2;
  return parts.length > back ? parts[parts.length - back] : undefined;
}

/**
 * The namespaces drawn expanded: those asked for, plus the namespace of the
 * focused node, so a deep link or a search hit inside a group opens it.
 */
export function expandedNamespaces(expand: readonly string[], focus?: string): Set<string> {
  const out = new Set(expand);
  const ns = focus ? namespaceOfNodeId(focus) : undefined;
  if (ns !== undefined) out.add(ns);
  return out;
}

const UNHEALTHY: ReadonlySet<string> = new Set(['failure', 'degraded', 'not-ready']);

interface GroupAcc {
  members: number;
  health: HealthStatus;
  idle: boolean;
  clusters: Map<string, GroupCluster>;
}

interface EdgeAcc {
  data: ViewEdgeData;
  errorRps: number;
  mtlsRps: number;
  mtlsBase: number;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The graph with every namespace not in `expanded` folded into one node
 * (`nsgroup:<namespace>`, no parent, all clusters). A group's health is the
 * worst of its nodes', with a reason per unhealthy status naming the
 * clusters. Edges with a folded end are merged per (source, target,
 * protocol): rates and TCP bytes summed, error share weighted by rate, p95
 * the worst, mTLS share weighted by rate, health the worst, cross-cluster,
 * cross-network or HBONE when any merged edge is. Traffic inside a folded namespace
 * becomes a loop on its group. Boxes are kept only around something drawn.
 */
export function aggregateByNamespace(els: ViewElements, expanded: ReadonlySet<string>): ViewElements {
  return runToEnd(aggregateByNamespacePaced(els, expanded));
}

/** aggregateByNamespace with pause points (lib/topology/paced.ts): the server folds 10,000 nodes in slices. */
export function* aggregateByNamespacePaced(els: ViewElements, expanded: ReadonlySet<string>): Paced<ViewElements> {
  let i = 0;
  const visible = new Map<string, string>();
  const groups = new Map<string, GroupAcc>();
  const byId = new Map<string, ViewNodeData>();
  const kept: Array<{ data: ViewNodeData }> = [];
  for (const n of els.nodes) {
    if (pauseAfter(i++)) yield;
    const d = n.data;
    byId.set(d.id, d);
    if (BOX.has(d.kind)) continue;
    const ns = groupOf(d);
    if (ns === undefined || expanded.has(ns)) {
      kept.push(n);
      continue;
    }
    const id = groupId(ns);
    visible.set(d.id, id);
    const health = d.health ?? 'unknown';
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { members: 0, health, idle: true, clusters: new Map() }));
    g.members++;
    g.health = worse(g.health, health);
    g.idle &&= !!d.idle;
    let c = g.clusters.get(d.cluster);
    if (!c) g.clusters.set(d.cluster, (c = { cluster: d.cluster, nodes: 0, health, unhealthy: 0 }));
    c.nodes++;
    c.health = worse(c.health, health);
    if (UNHEALTHY.has(health)) c.unhealthy++;
  }

  // Boxes around what is still drawn, ancestors included.
  const boxes = new Set<string>();
  for (const { data } of kept) {
    for (let p = data.parent; p !== undefined && !boxes.has(p); p = byId.get(p)?.parent) boxes.add(p);
  }
  const nodes: Array<{ data: ViewNodeData }> = [];
  for (const n of els.nodes) if (BOX.has(n.data.kind) && boxes.has(n.data.id)) nodes.push(n);
  nodes.push(...kept);
  for (const [id, g] of groups) {
    const ns = id.slice('nsgroup:'.length);
    const byCluster = [...g.clusters.values()].sort((a, b) => (a.health === b.health ? a.cluster.localeCompare(b.cluster) : worse(a.health, b.health) === a.health ? -1 : 1));
    const reasons: string[] = [];
    for (const status of ['failure', 'degraded', 'not-ready'] as const) {
      const where = byCluster.filter((c) => c.health === status);
      if (where.length) reasons.push(`${status} in ${where.map((c) => `${c.cluster} (${c.unhealthy} of ${c.nodes})`).join(', ')}`);
    }
    const data: ViewNodeData = {
      id,
      kind: 'namespaceGroup',
      cluster: byCluster.length === 1 ? byCluster[0]!.cluster : '',
      namespace: ns,
      name: ns,
      health: g.health,
      members: g.members,
      byCluster,
    };
    if (reasons.length) data.healthReasons = reasons;
    if (g.idle) data.idle = true;
    nodes.push({ data });
  }

  const edges: Array<{ data: ViewEdgeData }> = [];
  const merged = new Map<string, EdgeAcc>();
  for (const e of els.edges) {
    if (pauseAfter(i++)) yield;
    const d = e.data;
    const source = visible.get(d.source) ?? d.source;
    const target = visible.get(d.target) ?? d.target;
    if (source === d.source && target === d.target) {
      edges.push(e);
      continue;
    }
    const id = `${source}->${target}:${d.protocol}`;
    let m = merged.get(id);
    if (!m) {
      m = {
        data: { id, source, target, protocol: d.protocol, rps: 0, errorPercent: 0, tcpBytesPerSecond: 0, p95Ms: null, mtlsShare: null, crossCluster: false, crossNetwork: false, health: d.health ?? 'unknown', members: 0 },
        errorRps: 0,
        mtlsRps: 0,
        mtlsBase: 0,
      };
      merged.set(id, m);
    }
    const md = m.data;
    md.rps += d.rps;
    md.tcpBytesPerSecond += d.tcpBytesPerSecond;
    m.errorRps += (d.rps * d.errorPercent) / 100;
    if (d.mtlsShare !== null) {
      m.mtlsRps += d.rps * d.mtlsShare;
      m.mtlsBase += d.rps;
    }
    if (d.p95Ms !== null) md.p95Ms = md.p95Ms === null ? d.p95Ms : Math.max(md.p95Ms, d.p95Ms);
    md.crossCluster ||= d.crossCluster;
    md.crossNetwork ||= d.crossNetwork;
    // HBONE when any merged edge is; a waypoint only while every merged edge names the same one.
    if (d.hbone) md.hbone = true;
    if (md.members === 0) {
      if (d.waypoint !== undefined) md.waypoint = d.waypoint;
    } else if (md.waypoint !== d.waypoint) delete md.waypoint;
    md.health = worse(md.health ?? 'unknown', d.health ?? 'unknown');
    md.members = (md.members ?? 0) + 1;
  }
  for (const m of merged.values()) {
    const md = m.data;
    md.rps = r3(md.rps);
    md.tcpBytesPerSecond = r3(md.tcpBytesPerSecond);
    md.errorPercent = md.rps > 0 ? r3((m.errorRps / md.rps) * 100) : 0;
    md.mtlsShare = m.mtlsBase > 0 ? r3(m.mtlsRps / m.mtlsBase) : null;
    edges.push({ data: md });
  }
  return { nodes, edges };
}

/** A namespace that groups nodes: how many, and its worst health. */
export interface NamespaceSummary {
  namespace: string;
  members: number;
  health: HealthStatus;
}

/** Every namespace that has nodes to group, by name: the keyboard list of groups. */
export function namespaceSummaries(els: Pick<ViewElements, 'nodes'>): NamespaceSummary[] {
  const out = new Map<string, NamespaceSummary>();
  for (const { data } of els.nodes) {
    const ns = groupOf(data);
    if (ns === undefined) continue;
    const s = out.get(ns);
    if (s) {
      s.members++;
      s.health = worse(s.health, data.health ?? 'unknown');
    } else out.set(ns, { namespace: ns, members: 1, health: data.health ?? 'unknown' });
  }
  return [...out.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
}
