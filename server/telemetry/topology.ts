import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { FleetResponse } from '@/lib/api/envelope';
import type { GroupedTopology, Topology, TopologyQuery } from '@/lib/api/topology';
import type { ReadinessCounts } from '@/lib/health/readiness-health';
import { waypointNode } from '@/lib/topology/ambient';
import { buildTopologyPaced } from '@/lib/topology/build-topology';
import { pauseAfter, runToEnd, type Paced } from '@/lib/topology/paced';
import type { GraphNode, GraphType, TrafficSample } from '@/lib/topology/types';
import { groupTopology, groupTopologyPaced } from '@/lib/topology-view/grouped-topology';
import { telemetryEnvelope } from './envelope';
import { mergeTelemetryStates, type FanOut, type TaggedSample, type TelemetryClusterState } from './fan-out';
import { seesNoCluster, type FleetFacts, type WorkloadFact } from './fleet-facts';
import { runPaced } from './slices';
import { edgeQueries, edgeVariants } from './topology-queries';
import type { TelemetryService } from './telemetry-service';

/** Idle-capable nodes of a graph type and their readiness by node id. */
export interface Inventory {
  nodes: readonly GraphNode[];
  readiness: ReadonlyMap<string, ReadinessCounts>;
}

/** The fleet's workloads (and services) as idle-capable nodes of a graph type, with a readiness lookup by node id. */
export function inventory(facts: FleetFacts, graphType: GraphType): Inventory {
  return runToEnd(inventoryPaced(facts, graphType));
}

/** inventory with pause points (lib/topology/paced.ts): after each cluster's workloads, or every few hundred Services. */
export function* inventoryPaced(facts: FleetFacts, graphType: GraphType): Paced<Inventory> {
  const nodes = new Map<string, GraphNode>();
  const readiness = new Map<string, ReadinessCounts>();
  if (graphType === 'service') {
    const services = facts.services();
    const ambient = facts.ambient?.();
    yield;
    for (let i = 0; i < services.length; i++) {
      const s = services[i]!;
      if (pauseAfter(i)) yield;
      for (const cluster of s.clusters) {
        // A waypoint's Service (named after its Gateway, as its Deployment is) is the waypoint node of the graph.
        if (ambient?.any && ambient.isWaypoint(cluster, s.namespace, s.name)) {
          const wp = waypointNode(cluster, s.namespace, s.name);
          nodes.set(wp.id, wp);
          const r = facts.serviceReadiness(cluster, s.namespace, s.name);
          if (r) readiness.set(wp.id, r);
          continue;
        }
        const id = `svc:${cluster}/${s.namespace}/${s.name}`;
        nodes.set(id, { id, kind: 'service', cluster, namespace: s.namespace, name: s.name, service: s.name });
        const r = facts.serviceReadiness(cluster, s.namespace, s.name);
        // A Service with no endpoints in a cluster is there for DNS only: not a node worth showing idle.
        if (r && r.desired === 0) nodes.delete(id);
        if (r) readiness.set(id, r);
      }
    }
    return { nodes: [...nodes.values()], readiness };
  }
  const ambient = facts.ambient?.();
  const add = (id: string, n: GraphNode, w: WorkloadFact) => {
    nodes.set(id, n);
    const r = readiness.get(id) ?? { desired: 0, ready: 0, unsyncedProxies: 0 };
    readiness.set(id, { desired: r.desired + w.readiness.desired, ready: r.ready + w.readiness.ready, unsyncedProxies: (r.unsyncedProxies ?? 0) + (w.readiness.unsyncedProxies ?? 0) });
  };
  for (const cluster of facts.clusters()) {
    for (const w of facts.workloads(cluster)) {
      // A waypoint is drawn as its waypoint node in every graph type, never as a workload or app.
      if (ambient?.any && ambient.isWaypoint(w.cluster, w.namespace, w.name)) {
        const wp = waypointNode(w.cluster, w.namespace, w.name);
        add(wp.id, wp, w);
      } else addWorkload(graphType, w, add);
    }
    yield;
  }
  return { nodes: [...nodes.values()], readiness };
}

/** Adds a workload's node of the graph type: the workload, its app, or its app version. */
function addWorkload(graphType: Exclude<GraphType, 'service'>, w: WorkloadFact, add: (id: string, n: GraphNode, w: WorkloadFact) => void): void {
  const base = { cluster: w.cluster, namespace: w.namespace, app: w.app };
  if (graphType === 'workload') add(`wl:${w.cluster}/${w.namespace}/${w.name}`, { ...base, id: `wl:${w.cluster}/${w.namespace}/${w.name}`, kind: 'workload', name: w.name, workload: w.name, version: w.version }, w);
  else if (graphType === 'app') add(`app:${w.cluster}/${w.namespace}/${w.app}`, { ...base, id: `app:${w.cluster}/${w.namespace}/${w.app}`, kind: 'app', name: w.app }, w);
  else add(`vapp:${w.cluster}/${w.namespace}/${w.app}/${w.version}`, { ...base, id: `vapp:${w.cluster}/${w.namespace}/${w.app}/${w.version}`, kind: 'versionedApp', name: w.app, version: w.version }, w);
}

/**
 * The caller's part of the inventory. The whole fleet's is kept per model
 * revision and graph type (every Service and workload is visited once per
 * revision, not per request), then narrowed to the caller's scope by each
 * node's cluster and namespace, which is how a scoped caller's facts are
 * narrowed: the answer equals `inventory(facts, graphType)`. Made in slices
 * that yield to the event loop (runPaced): at M it is 10,000 workloads.
 */
export async function scopedInventory(facts: FleetFacts, graphType: GraphType): Promise<{ nodes: readonly GraphNode[]; readiness: (n: GraphNode) => ReadinessCounts | undefined }> {
  const inv = await (facts.fleetMemo
    ? facts.fleetMemo(`topology-inventory/${graphType}`, (fleet) => runPaced(inventoryPaced(fleet, graphType)))
    : runPaced(inventoryPaced(facts, graphType)));
  if (!facts.fleetMemo || facts.scope.kind === 'all') return { nodes: inv.nodes, readiness: (n) => inv.readiness.get(n.id) };
  // Ids carry the cluster and namespace, so a graph node finds readiness only where its fact was visible.
  return {
    nodes: inv.nodes.filter((n) => facts.allows(n.cluster, n.namespace)),
    readiness: (n) => (facts.allows(n.cluster, n.namespace) ? inv.readiness.get(n.id) : undefined),
  };
}

/**
 * The samples of one kind from every query variant, each series once. Only
 * with a namespace filter can two variants return the same series (the
 * into- and out-of-namespace queries of one reporter), and only a series
 * with both ends in the namespaces; without one the variants differ by
 * reporter. So only those series are keyed.
 */
export function unique(parts: ReadonlyArray<FanOut<TaggedSample>>, namespaces: readonly string[]): TrafficSample[] {
  if (!namespaces.length) return parts.length === 1 ? parts[0]!.samples : parts.flatMap((p) => p.samples);
  const inNamespaces = new Set(namespaces);
  const seen = new Set<string>();
  const out: TrafficSample[] = [];
  for (const p of parts) {
    for (const s of p.samples) {
      // An absent label matches an empty value in PromQL.
      if (inNamespaces.has(s.metric.destination_service_namespace ?? '') && inNamespaces.has(s.metric.source_workload_namespace ?? '')) {
        const k = `${s.scrapeCluster ?? ''}\u0000${JSON.stringify(s.metric)}`;
        if (seen.has(k)) continue;
        seen.add(k);
      }
      out.push(s);
    }
  }
  return out;
}

const EMPTY_STATS = { nodes: 0, edges: 0, clusters: 0, namespaces: 0, totalRps: 0, crossClusterEdges: 0 };

/** A built answer shared by requests with the same query and scope (see getTopology). */
type Answer = { data: Topology; telemetry: Record<string, TelemetryClusterState> };
interface Built {
  at: number;
  revision: number;
  value: Promise<Answer>;
  /** The answer once built: what is served while its successor builds. */
  done?: Answer;
  /** The rebuild in flight while this answer is still served. */
  next?: Built;
}

/** Built answers per telemetry service (tests make their own services), keyed by query and scope. */
const builtAnswers = new WeakMap<TelemetryService, Map<string, Built>>();
/** How many (query, scope) answers are kept: a whole-fleet answer at M is tens of MiB of objects. */
const MAX_BUILT = 16;
/** An answer built at an older model revision is still served this long: istiod polls bump the revision every few seconds per cluster. */
export const TOPOLOGY_REVISION_LAG_MS = 1_000;

function answerKey(facts: FleetFacts, q: TopologyQuery): string {
  const list = (v?: readonly string[]) => (v?.length ? [...v].sort().join(',') : '');
  const scope = facts.scope.kind === 'all' ? 'all' : JSON.stringify(facts.scope.grants);
  return [q.graphType, q.window ?? '', list(q.clusters), list(q.namespaces), q.hideIdle, q.focus ?? '', q.hops, q.detail ?? '', scope].join('\u0000');
}

/**
 * GET /api/v1/topology: the cross-cluster graph as cytoscape elements, with
 * per-cluster telemetry state in the envelope. For a scoped caller (the scope
 * comes with `facts`) everything outside its workspaces is one node without
 * names (lib/topology/scope-step.ts).
 *
 * The built graph is shared by every request with the same query and scope
 * while it is younger than the telemetry cache period (`cacheSeconds`: the
 * series it was built from are reused that long anyway) and, once the model
 * revision has moved, younger than TOPOLOGY_REVISION_LAG_MS. After that, as
 * the telemetry caches do, it is still served for up to one more cache period
 * while one rebuild runs in the background (a whole-fleet graph at M takes
 * seconds to build under load; requests must not queue behind it). Requests
 * with nothing to serve wait for the same build.
 *
 * The envelope (cluster statuses, generatedAt) is made once per shared
 * answer, when it is first served, so that every request served it gets the
 * same bytes (topologyBody: one ETag); its `revision` is the one the
 * graph was built at. Callers must not modify the returned answer.
 */
export async function getTopology(svc: TelemetryService, facts: FleetFacts, query: TopologyQuery, now: () => number = Date.now): Promise<FleetResponse<Topology>> {
  const visible = facts.clusters();
  const clusters = query.clusters?.length ? visible.filter((c) => query.clusters!.includes(c)) : visible;
  if (seesNoCluster(facts, clusters)) return telemetryEnvelope(facts, { elements: { nodes: [], edges: [] }, stats: EMPTY_STATS, telemetry: {} }, {});
  let memo = builtAnswers.get(svc);
  if (!memo) builtAnswers.set(svc, (memo = new Map()));
  const key = answerKey(facts, query);
  const t = now();
  const period = svc.cacheSeconds * 1000;
  const fresh = (b: Built) => t - b.at < period && (b.revision === facts.revision || t - b.at < TOPOLOGY_REVISION_LAG_MS);
  const servable = (b: Built) => b.done !== undefined && t - b.at < 2 * period;
  const start = (): Built => {
    const b: Built = { at: t, revision: facts.revision, value: buildAnswer(svc, facts, query, clusters) };
    b.value.then((v) => (b.done = v), () => undefined);
    return b;
  };
  const hit = memo.get(key);
  if (hit && !fresh(hit) && servable(hit)) {
    if (!hit.next) {
      const next = (hit.next = start());
      next.value.then(
        () => memo.get(key) === hit && memo.set(key, next),
        // A failed rebuild is not kept: a later request tries again.
        () => hit.next === next && (hit.next = undefined),
      );
    }
    return answer(facts, hit.done!, hit.revision);
  }
  let entry = hit;
  if (!entry || !fresh(entry)) {
    for (const [k, b] of memo) if (!fresh(b) && !servable(b) && !b.next) memo.delete(k);
    // Map order is insertion order: the first keys are the oldest.
    while (memo.size >= MAX_BUILT) memo.delete(memo.keys().next().value!);
    const built = (entry = start());
    memo.set(key, built);
    // A failed build is not kept: the next request tries again.
    built.value.catch(() => memo.get(key) === built && memo.delete(key));
  }
  return answer(facts, await entry.value, entry.revision);
}

/** The envelope of each shared answer (grouped or not), made when it is first served. */
const envelopes = new WeakMap<GroupedTopology, FleetResponse<GroupedTopology>>();

function answer(facts: FleetFacts, { data, telemetry }: Answer, revision: number): FleetResponse<Topology> {
  let res = envelopes.get(data);
  if (!res) envelopes.set(data, (res = { ...telemetryEnvelope(facts, data, telemetry), revision }));
  return res as FleetResponse<Topology>;
}

/**
 * GET /api/v1/topology with `group=`: getTopology's shared answer grouped by
 * namespace (groupedData), derived from it after the scope narrowed it and
 * kept beside it, so a grouped request costs no build; the envelope is the
 * shared answer's. Without `group=` (or `off`) the answer getTopology gives.
 */
export async function getGroupedTopology(svc: TelemetryService, facts: FleetFacts, query: TopologyQuery, now: () => number = Date.now): Promise<FleetResponse<GroupedTopology>> {
  const whole = await getTopology(svc, facts, query, now);
  const shown = groupedData(whole.data, query.group, query.expand);
  if (shown === whole.data) return whole;
  let res = envelopes.get(shown);
  if (!res) envelopes.set(shown, (res = { ...whole, data: shown }));
  return res;
}

/** Grouped answers derived from each built answer, by grouping (see groupedData). */
const groupedAnswers = new WeakMap<Topology, LRUCache<string, GroupedTopology>>();
/** Groupings kept per built answer: one per set of expanded namespaces the pages asked for, the oldest dropped first. */
const MAX_GROUPINGS = 32;

/**
 * The built answer grouped as `group` and `expand` ask (lib/topology-view/grouped-topology.ts),
 * made once per built answer and grouping (folding 10,000 nodes takes some ms)
 * and kept as long as the built answer is. Without grouping, or when `auto`
 * does not group a graph this small, the built answer itself.
 */
export function groupedData(data: Topology, group: TopologyQuery['group'], expand: readonly string[] = []): GroupedTopology {
  if (group === undefined || group === 'off') return data;
  const key = groupingKey(group, expand);
  let out = groupingsOf(data).get(key);
  if (!out) keepGrouping(data, key, (out = groupTopology(data, group, expand)));
  return out;
}

/**
 * Makes, in slices, the grouping the page opens with (`auto`, nothing
 * expanded), so the first grouped request after a build finds it: folding
 * 10,000 nodes in one piece held every request for ~50 ms.
 */
async function prepareDefaultGrouping(data: Topology): Promise<void> {
  keepGrouping(data, groupingKey('auto', []), await runPaced(groupTopologyPaced(data, 'auto', [])));
}

const groupingKey = (group: string, expand: readonly string[]) => `${group}\u0000${[...new Set(expand)].sort().join(',')}`;

function groupingsOf(data: Topology): LRUCache<string, GroupedTopology> {
  let memo = groupedAnswers.get(data);
  if (!memo) groupedAnswers.set(data, (memo = new LRUCache<string, GroupedTopology>({ max: MAX_GROUPINGS })));
  return memo;
}

function keepGrouping(data: Topology, key: string, grouped: GroupedTopology): void {
  groupingsOf(data).set(key, grouped);
}

async function buildAnswer(svc: TelemetryService, facts: FleetFacts, query: TopologyQuery, clusters: string[]): Promise<Answer> {
  const namespaces = query.namespaces ?? [];
  const window = query.window ?? svc.window;
  const runs = edgeVariants(namespaces).map((v) => edgeQueries(window, v, namespaces));
  const [requests, tcp, p95] = await Promise.all(
    (['requests', 'tcp', 'p95'] as const).map((kind) => Promise.all(runs.map((r) => svc.client.instant(r[kind], clusters)))),
  );
  const telemetry = mergeTelemetryStates(...[...requests!, ...tcp!, ...p95!].map((f) => f.clusters));
  const inv = await scopedInventory(facts, query.graphType);
  const asked = new Set(clusters);
  // In slices: at M the whole-fleet graph is a few hundred ms of work, and requests are served in between.
  const built = await runPaced(buildTopologyPaced({
    graphType: query.graphType,
    requests: unique(requests!, namespaces),
    tcp: unique(tcp!, namespaces),
    p95: unique(p95!, namespaces),
    inventory: inv.nodes.filter((n) => asked.has(n.cluster)),
    hideIdle: query.hideIdle,
    networkOf: (c) => facts.network(c),
    ambient: facts.ambient?.(),
    readiness: (n) => inv.readiness(n) ?? (n.kind === 'service' && n.namespace ? facts.serviceReadiness(n.cluster, n.namespace, n.name) : undefined),
    telemetryOk: (c) => telemetry[c] === undefined || telemetry[c]?.state === 'ok',
    tolerances: svc.tolerances,
    clusters: query.clusters,
    namespaces,
    // Whole-fleet callers need no collapsing; the cluster 'unknown' (no label anywhere) is no one's workspace.
    ...(facts.scope.kind === 'all' ? {} : { allows: (c: string, ns: string | undefined) => c !== 'unknown' && facts.allows(c, ns) }),
    focus: query.focus,
    hops: query.hops,
    edgeDetail: query.detail === 'edges',
  }));
  const data: Topology = { ...built, telemetry };
  await prepareDefaultGrouping(data);
  return { data, telemetry };
}

/** The JSON of each shared answer's data, made once: at 10,000 nodes serialising is a good part of a request. */
const dataJson = new WeakMap<GroupedTopology, string>();

/** The envelope as JSON, the data part serialised once per shared answer; equal to `JSON.stringify(res)`. */
export function topologyJsonText(res: FleetResponse<GroupedTopology>): string {
  let data = dataJson.get(res.data);
  if (data === undefined) dataJson.set(res.data, (data = JSON.stringify(res.data)));
  return `{"data":${data},"clusters":${JSON.stringify(res.clusters)},"revision":${JSON.stringify(res.revision)},"generatedAt":${JSON.stringify(res.generatedAt)}}`;
}

/** A served answer as bytes, made once per shared answer (see topologyBody). */
export interface TopologyBody {
  /** The answer's JSON, UTF-8. */
  json: Uint8Array;
  /** Strong ETag of `json`: a hash of its bytes, quoted. */
  etag: string;
}

const bodies = new WeakMap<FleetResponse<GroupedTopology>, TopologyBody>();

/**
 * The answer's bytes and ETag, made once per answer getTopology shares (its
 * envelope is made once too): at M the whole graph is several MB, too much to
 * encode or hash per request. No gzip: `next start` (16.4) compresses no
 * route-handler answer and drops a route's Content-Encoding header
 * (next/dist/server/send-response.js), so a gzip made here would reach the
 * client as undeclared binary.
 */
export function topologyBody(res: FleetResponse<GroupedTopology>): TopologyBody {
  let body = bodies.get(res);
  if (!body) {
    const json = Buffer.from(topologyJsonText(res), 'utf8');
    body = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"` };
    bodies.set(res, body);
  }
  return body;
}
