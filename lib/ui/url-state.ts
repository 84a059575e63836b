import { DATAPLANE_ORDER } from './dataplane-view';
import type { DataplaneSummary } from '../fleet/dataplane';

/**
 * Page state that lives in the URL (filters, sort, choices), so every view is
 * deep-linkable. Parsers never throw: unknown or bad values fall back to defaults.
 */

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

function get(s: Search, key: string): string | undefined {
  const v = s instanceof URLSearchParams ? s.get(key) : s[key];
  const one = Array.isArray(v) ? v[0] : v;
  return one === null || one === undefined || one === '' ? undefined : one;
}
const pick = <T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
/** `v` when it is one of `allowed`, else undefined. */
export const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined => (allowed.includes(v as T) ? (v as T) : undefined);
const list = (v: string | undefined): string[] => (v ? [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))] : []);

/** Drops defaults and empties so URLs stay short, in a stable key order. */
function toQuery(entries: [string, string | string[] | boolean | undefined, unknown][]): string {
  const out = new URLSearchParams();
  for (const [k, v, dflt] of entries) {
    if (v === undefined || v === '' || v === dflt || (Array.isArray(v) && v.length === 0)) continue;
    out.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

export const SERVICE_SORTS = ['name', '-name', 'namespace', '-namespace', 'clusters', '-clusters', 'endpoints', '-endpoints', 'health', '-rps', 'rps', '-errors', '-p95'] as const;
/** Sorts and filters the server computes from telemetry; they need a configured Prometheus. */
export const TELEMETRY_SORTS: ReadonlySet<string> = new Set(['health', '-rps', 'rps', '-errors', '-p95']);
export const HEALTH_FILTERS = ['failure', 'degraded', 'healthy', 'idle', 'unknown'] as const;
export interface ServicesUrlState {
  q?: string;
  cluster?: string;
  /** Rows of this mesh only. */
  mesh?: string;
  namespace?: string;
  kind?: 'Service' | 'ServiceEntry';
  /** Only services in this health status (server-side, from telemetry). */
  health?: (typeof HEALTH_FILTERS)[number];
  /** Rows with an instance in this data-plane mode in any cluster (server-side). */
  dataplane?: DataplaneSummary;
  sort: (typeof SERVICE_SORTS)[number];
}
export function parseServicesState(s: Search): ServicesUrlState {
  const kind = get(s, 'kind');
  return {
    q: get(s, 'q')?.slice(0, 200),
    cluster: get(s, 'cluster'),
    mesh: get(s, 'mesh'),
    namespace: get(s, 'namespace'),
    kind: kind === 'Service' || kind === 'ServiceEntry' ? kind : undefined,
    health: (HEALTH_FILTERS as readonly string[]).includes(get(s, 'health') ?? '') ? (get(s, 'health') as ServicesUrlState['health']) : undefined,
    dataplane: oneOf(get(s, 'dataplane'), DATAPLANE_ORDER),
    sort: pick(get(s, 'sort'), SERVICE_SORTS, 'name'),
  };
}
export function serialiseServicesState(st: ServicesUrlState): string {
  return toQuery([['q', st.q, undefined], ['cluster', st.cluster, undefined], ['mesh', st.mesh, undefined], ['namespace', st.namespace, undefined], ['kind', st.kind, undefined], ['health', st.health, undefined], ['dataplane', st.dataplane, undefined], ['sort', st.sort, 'name']]);
}

export interface ConfigUrlState {
  kind?: string;
  cluster?: string;
  namespace?: string;
  q?: string;
  /** The object shown: "group/kind/namespace/name" (the same object in every cluster). */
  object?: string;
}
export function parseConfigState(s: Search): ConfigUrlState {
  return { kind: get(s, 'kind'), cluster: get(s, 'cluster'), namespace: get(s, 'namespace'), q: get(s, 'q')?.slice(0, 200), object: get(s, 'object') };
}
export function serialiseConfigState(st: ConfigUrlState): string {
  return toQuery([['kind', st.kind, undefined], ['cluster', st.cluster, undefined], ['namespace', st.namespace, undefined], ['q', st.q, undefined], ['object', st.object, undefined]]);
}

export const TOPOLOGY_GRAPH_TYPES = ['workload', 'app', 'versionedApp', 'service'] as const;
export const TOPOLOGY_LAYOUTS = ['fcose', 'elk'] as const;
export const TOPOLOGY_LABELS = ['rate', 'errors', 'p95', 'none'] as const;
export const TOPOLOGY_WINDOWS = ['1m', '5m', '15m', '1h'] as const;
export interface TopologyUrlState {
  clusters: string[];
  namespaces: string[];
  graphType: (typeof TOPOLOGY_GRAPH_TYPES)[number];
  window: (typeof TOPOLOGY_WINDOWS)[number];
  hideIdle: boolean;
  layout: (typeof TOPOLOGY_LAYOUTS)[number];
  label: (typeof TOPOLOGY_LABELS)[number];
  /** Node id selected (side panel) and centred. */
  focus?: string;
}
export function parseTopologyState(s: Search): TopologyUrlState {
  return {
    clusters: list(get(s, 'clusters')),
    namespaces: list(get(s, 'namespaces')),
    graphType: pick(get(s, 'graphType'), TOPOLOGY_GRAPH_TYPES, 'workload'),
    window: pick(get(s, 'window'), TOPOLOGY_WINDOWS, '1m'),
    hideIdle: get(s, 'hideIdle') === 'true',
    layout: pick(get(s, 'layout'), TOPOLOGY_LAYOUTS, 'fcose'),
    label: pick(get(s, 'label'), TOPOLOGY_LABELS, 'rate'),
    focus: get(s, 'focus'),
  };
}
export function serialiseTopologyState(st: TopologyUrlState): string {
  return toQuery([
    ['clusters', st.clusters, undefined],
    ['namespaces', st.namespaces, undefined],
    ['graphType', st.graphType, 'workload'],
    ['window', st.window, '1m'],
    ['hideIdle', st.hideIdle, false],
    ['layout', st.layout, 'fcose'],
    ['label', st.label, 'rate'],
    ['focus', st.focus, undefined],
  ]);
}
