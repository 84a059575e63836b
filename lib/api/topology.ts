import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { telemetryClusterStateSchema, telemetryWindowSchema } from './telemetry';
import { GRAPH_TYPES } from '../topology/types';
import { GROUPINGS } from '../topology-view/aggregate';
import { qk } from './query-keys';

const healthStatus = z.enum(['failure', 'degraded', 'not-ready', 'healthy', 'idle', 'unknown']);
const list = z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.string().min(1)).max(500)).optional();

/** Query of GET /api/v1/topology; clusters and namespaces are comma-separated. */
export const topologyQuerySchema = z.strictObject({
  window: telemetryWindowSchema,
  graphType: z.enum(GRAPH_TYPES).default('workload'),
  clusters: list,
  namespaces: list,
  hideIdle: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  focus: z.string().min(1).max(500).optional(),
  hops: z.coerce.number().int().min(0).max(10).default(1),
  /** `edges`: also each edge's errorRates, healthReasons and via, which the page does not read. */
  detail: z.enum(['edges']).optional(),
  /**
   * Namespace grouping as the page draws it (lib/topology-view/aggregate.ts): `auto` groups
   * above AGGREGATE_ABOVE_NODES nodes, `namespace` always, `off` (or absent) never.
   */
  group: z.enum(GROUPINGS).optional(),
  /** While grouped: namespaces answered node by node. */
  expand: list,
});
export type TopologyQuery = z.infer<typeof topologyQuerySchema>;
/** The query as a caller writes it (before defaults). */
export type TopologyParams = z.input<typeof topologyQuerySchema>;

export const topologyNodeSchema = z.object({
  data: z.object({
    id: z.string(),
    parent: z.string().optional(),
    kind: z.enum(['workload', 'app', 'versionedApp', 'service', 'serviceEntry', 'unknown', 'passthrough', 'gateway', 'waypoint', 'outside', 'cluster', 'namespace', 'appBox']),
    cluster: z.string(),
    namespace: z.string().optional(),
    name: z.string(),
    app: z.string().optional(),
    version: z.string().optional(),
    workload: z.string().optional(),
    service: z.string().optional(),
    network: z.string().optional(),
    health: healthStatus.optional(),
    healthReasons: z.array(z.string()).optional(),
    idle: z.boolean().optional(),
  }),
});

export const topologyEdgeSchema = z.object({
  data: z.object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    protocol: z.string(),
    rps: z.number(),
    errorPercent: z.number(),
    errorRates: z.object({ http5xx: z.number(), http4xx: z.number(), grpc: z.number(), noResponse: z.number() }).optional(),
    tcpBytesPerSecond: z.number(),
    p95Ms: z.number().nullable(),
    mtlsShare: z.number().nullable(),
    crossCluster: z.boolean(),
    crossNetwork: z.boolean(),
    via: z.string().optional(),
    /** Carried over HBONE (ambient). */
    hbone: z.boolean().optional(),
    /** The waypoint node an ambient L7 edge passes through. */
    waypoint: z.string().optional(),
    health: healthStatus.optional(),
    healthReasons: z.array(z.string()).optional(),
  }),
});

/** How a grouped answer was grouped; `stats` still count the whole graph. */
export const topologyGroupingSchema = z.object({
  by: z.literal('namespace'),
  /** Every namespace with nodes to group, by name: the page's list of groups. */
  namespaces: z.array(z.object({ namespace: z.string(), members: z.number(), health: healthStatus })),
  /** The namespaces answered node by node. */
  expanded: z.array(z.string()),
});

export const topologySchema = z.object({
  elements: z.object({ nodes: z.array(topologyNodeSchema), edges: z.array(topologyEdgeSchema) }),
  stats: z.object({ nodes: z.number(), edges: z.number(), clusters: z.number(), namespaces: z.number(), totalRps: z.number(), crossClusterEdges: z.number() }),
  telemetry: z.record(z.string(), telemetryClusterStateSchema),
});
export type Topology = z.infer<typeof topologySchema>;
export const topologyResponseSchema = fleetResponseSchema(topologySchema);

/** A node of a grouped answer: an API node, or a namespace group standing for many (lib/topology-view/aggregate.ts). */
const groupedNodeSchema = z.object({
  data: topologyNodeSchema.shape.data.extend({
    kind: z.enum([...topologyNodeSchema.shape.data.shape.kind.options, 'namespaceGroup']),
    /** Namespace groups: how many nodes they stand for, and by cluster (worst first). */
    members: z.number().optional(),
    byCluster: z.array(z.object({ cluster: z.string(), nodes: z.number(), health: healthStatus, unhealthy: z.number() })).optional(),
  }),
});
/** An edge of a grouped answer; merged edges carry how many edges they stand for. */
const groupedEdgeSchema = z.object({ data: topologyEdgeSchema.shape.data.extend({ members: z.number().optional() }) });

/**
 * The answer to a request with `group=`: the whole graph (no `grouping`) or,
 * when grouped, group nodes and merged edges; `stats` count the whole graph.
 */
export const groupedTopologySchema = topologySchema.extend({
  elements: z.object({ nodes: z.array(groupedNodeSchema), edges: z.array(groupedEdgeSchema) }),
  /** Present when the answer is grouped by namespace. */
  grouping: topologyGroupingSchema.optional(),
});
export type GroupedTopology = z.infer<typeof groupedTopologySchema>;
export const groupedTopologyResponseSchema = fleetResponseSchema(groupedTopologySchema);

/** The query string of a topology request (lists comma-joined, defaults left out). */
export function topologySearch(p: TopologyParams): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    s.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return s.toString();
}

/** GET /api/v1/topology. */
export function fetchTopology(p: TopologyParams) {
  return fetchJson(`/api/v1/topology?${topologySearch(p)}`, topologyResponseSchema);
}

/** GET /api/v1/topology with `group=`: the graph as the page draws it. */
export function fetchGroupedTopology(p: TopologyParams) {
  return fetchJson(`/api/v1/topology?${topologySearch(p)}`, groupedTopologyResponseSchema);
}

/** Query of GET /api/v1/topology/nodes: the graph's query and the text to find in node names. */
export const topologyNodeSearchSchema = topologyQuerySchema.extend({ q: z.string().trim().min(1).max(200) });

/** A node found by name (GET /api/v1/topology/nodes). */
export const foundNodeSchema = z.object({
  id: z.string(),
  kind: topologyNodeSchema.shape.data.shape.kind,
  cluster: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  version: z.string().optional(),
});
export type FoundNode = z.infer<typeof foundNodeSchema>;
export const topologyNodeSearchResponseSchema = fleetResponseSchema(z.object({ items: z.array(foundNodeSchema) }));

/** GET /api/v1/topology/nodes: nodes of the whole graph whose name contains `q` (the search of a grouped page). */
export function fetchTopologyNodes(p: TopologyParams, q: string) {
  return fetchJson(`/api/v1/topology/nodes?${topologySearch({ ...p, group: undefined, expand: undefined })}&q=${encodeURIComponent(q)}`, topologyNodeSearchResponseSchema);
}

/** Nodes of the whole graph named like `q` (two characters at least); `p` undefined: not asked. */
export function useTopologyNodes(p: TopologyParams | undefined, q: string) {
  const text = q.trim();
  return useQuery({ queryKey: qk.topology.graph({ ...p, nodes: text }), queryFn: () => fetchTopologyNodes(p!, text), enabled: p !== undefined && text.length >= 2, staleTime: 15_000 });
}

/** The grouping-independent part of a query: while only it is the same, the last answer is kept on screen. */
const sansExpand = (p: unknown) => JSON.stringify({ ...(p as object), expand: undefined });

/**
 * The graph as the page draws it (`group=`, `expand=`). While a namespace is
 * expanded or collapsed the last answer stays on screen (`isPlaceholderData`)
 * until the new one arrives; other changes show the loading state.
 */
export function useGroupedTopology(p: TopologyParams, opts: { refetchMs?: number } = {}) {
  return useQuery({
    queryKey: qk.topology.graph(p),
    queryFn: () => fetchGroupedTopology(p),
    refetchInterval: opts.refetchMs ?? 15_000,
    placeholderData: (prev, prevQuery) => (prevQuery && sansExpand(prevQuery.queryKey[1]) === sansExpand(p) ? keepPreviousData(prev) : undefined),
  });
}

/** The cross-cluster graph; refreshed about every scrape-cache period. */
export function useTopology(p: TopologyParams, opts: { refetchMs?: number } = {}) {
  return useQuery({ queryKey: qk.topology.graph(p), queryFn: () => fetchTopology(p), refetchInterval: opts.refetchMs ?? 15_000 });
}
