import type { FindingItem } from '../api/findings';
import type { EdgeLatencyRegression } from '../api/latency-signals';
import type { ClusterSummary } from '../fleet/clusters';
import type { ControlPlane } from '../fleet/controlplanes';
import type { HealthStatus } from '../health/health-status';
import type { ChurnItem } from '../history/churn-query';
import { churnProblems } from './churn-problems';
import { fleetStateProblems } from './fleet-state-problems';
import { daysUntil, formatAge, plural } from './format';
import { serviceHref } from './service-href';
import { slowApiLatency } from './slow-api';

export type ProblemSeverity = 'critical' | 'warning' | 'info';

/**
 * What kind of live problem, in the order a support engineer triages them:
 * the cluster itself, services failing now, then what may explain it.
 */
export type ProblemKind = 'cluster' | 'service-failing' | 'service-degraded' | 'edge-latency' | 'latency' | 'proxies' | 'trust' | 'discovery' | 'control-plane' | 'config-churn' | 'cluster-syncing' | 'watch-expiry';
const KIND_ORDER: readonly ProblemKind[] = ['cluster', 'service-failing', 'service-degraded', 'edge-latency', 'latency', 'proxies', 'trust', 'discovery', 'control-plane', 'config-churn', 'cluster-syncing', 'watch-expiry'];

/** Watches ended with 410 Gone in 5 min, over a cluster's kinds, from which on it is worth a line (an etcd compaction now and then is not). */
export const WATCH_EXPIRIES_NOTED = 30;

/** One line of the overview's live problems. */
export interface Problem {
  id: string;
  kind: ProblemKind;
  severity: ProblemSeverity;
  title: string;
  detail?: string;
  /** Where to go to look into it. */
  href: string;
  /** The graph focused on it, when it is a node of the traffic graph. */
  topologyHref?: string;
  cluster?: string;
  /** A discovery problem: the cluster istiod reports on (not the one it runs in). */
  about?: string;
}

/** The per-cluster health of a service, as the telemetry API judges it. */
export interface ServiceHealthInput {
  namespace: string;
  name: string;
  clusters: { cluster: string; health: { status: HealthStatus; reasons: string[] }; signals?: { rps: number; latencyMs: { p99: number | null } } }[];
}

/** Edges whose latency moved well beyond their own recent baseline, as the telemetry API names them. */
export interface EdgeLatencyInput {
  /** How long the baseline range is (e.g. 1800 for 30 min ending a few minutes ago). */
  baselineSeconds: number;
  items: Pick<EdgeLatencyRegression, 'cluster' | 'namespace' | 'service' | 'workloadNamespace' | 'workload' | 'source' | 'quantile' | 'nowMs' | 'baselineMs' | 'factor'>[];
}

/** An analysis finding, as much of it as the list needs. */
export interface FindingInput {
  id: string;
  code: string;
  level: string;
  message: string;
  clusters: string[];
}

export interface ProblemInputs {
  clusters?: ClusterSummary[];
  controlPlanes?: ControlPlane[];
  services?: ServiceHealthInput[];
  /** Edges slower than their own baseline (GET /api/v1/signals/latency). */
  edgeLatency?: EdgeLatencyInput;
  /** Objects rewritten again and again lately (GET /api/v1/changes/churn). */
  churn?: { minutes: number; items: readonly ChurnItem[] };
  /** Analysis findings; those about the fleet's live state (fleet-state-problems.ts) are problems too. */
  findings?: readonly FindingItem[];
  now: number;
}

const RANK: Record<ProblemSeverity, number> = { critical: 0, warning: 1, info: 2 };
const enc = encodeURIComponent;

function clusterProblems(c: ClusterSummary): Problem[] {
  const expiries = c.watchExpiries ?? 0;
  if (c.state === 'ok' && expiries >= WATCH_EXPIRIES_NOTED) {
    return [{ id: `cluster/${c.name}/watch-expiry`, kind: 'watch-expiry', severity: 'info', title: `Cluster ${c.name} ends watches with 410 Gone: ${expiries} relists in 5 min`, detail: 'Data stays current, but each is a full LIST of the kind, load on its API server and on Meshglass: a very short etcd compaction interval or a restarting API server.', href: `/clusters/${enc(c.name)}`, cluster: c.name }, ...clusterProblems({ ...c, watchExpiries: 0 })];
  }
  if (c.state === 'ok') {
    const slow = slowApiLatency(c);
    if (!slow) return [];
    return [{ id: `cluster/${c.name}/slow-api`, kind: 'cluster', severity: 'warning', title: `Cluster ${c.name}'s Kubernetes API is slow: ${slow} to answer`, detail: 'New lists, watches and istiod polls wait on it: changes there reach Meshglass and istiod late.', href: `/clusters/${enc(c.name)}`, cluster: c.name }];
  }
  const severity: ProblemSeverity = c.state === 'syncing' ? 'info' : c.state === 'stale' ? 'warning' : 'critical';
  return [{ id: `cluster/${c.name}`, kind: c.state === 'syncing' ? 'cluster-syncing' : 'cluster', severity, title: `Cluster ${c.name} is ${c.state}`, detail: c.reason, href: `/clusters/${enc(c.name)}`, cluster: c.name }];
}

function controlPlaneProblems(cp: ControlPlane, now: number): Problem[] {
  const out: Problem[] = [];
  const href = `/clusters/${enc(cp.cluster)}`;
  const id = `cp/${cp.cluster}/${cp.revision}`;
  const stale = cp.proxies.stale + cp.proxies.notSent;
  if (stale > 0) {
    out.push({ id: `${id}/proxies`, kind: 'proxies', severity: 'warning', title: `${plural(stale, 'proxy', 'proxies')} not in sync in ${cp.cluster}`, detail: `${cp.proxies.stale} STALE, ${cp.proxies.notSent} NOT SENT of ${cp.proxies.total} (istiod ${cp.revision})`, href: `${href}#proxies`, cluster: cp.cluster });
  }
  if (cp.poll.state === 'error') out.push({ id: `${id}/poll`, kind: 'control-plane', severity: 'warning', title: `Cannot read istiod ${cp.revision} in ${cp.cluster}`, detail: cp.poll.error, href, cluster: cp.cluster });
  for (const d of cp.discoveredClusters) {
    if (d.syncStatus !== 'synced') out.push({ id: `${id}/discovery/${d.id}`, kind: 'discovery', severity: 'warning', title: `istiod in ${cp.cluster} reports ${d.id} as ${d.syncStatus}`, detail: d.secretName ? `remote secret ${d.secretName}` : undefined, href, cluster: cp.cluster, about: d.id });
  }
  const days = daysUntil(cp.rootCert?.notAfter, now);
  if (days !== undefined && days < 30) out.push({ id: `${id}/root-expiry`, kind: 'trust', severity: days < 7 ? 'critical' : 'warning', title: `Root certificate of ${cp.cluster} ${days < 0 ? 'has expired' : `expires in ${plural(days, 'day')}`}`, href, cluster: cp.cluster });
  return out;
}

/** Clusters of one mesh whose istiod roots differ: one problem per mesh. */
function trustProblems(clusters: ClusterSummary[], cps: ControlPlane[]): Problem[] {
  const meshOf = new Map(clusters.map((c) => [c.name, c.mesh ?? '']));
  // mesh -> root fingerprint -> the clusters whose istiod holds it
  const byMesh = new Map<string, Map<string, Set<string>>>();
  for (const cp of cps) {
    const fp = cp.rootCert?.fingerprint;
    const mesh = meshOf.get(cp.cluster);
    if (!fp || mesh === undefined) continue;
    const roots = byMesh.get(mesh) ?? new Map<string, Set<string>>();
    roots.set(fp, (roots.get(fp) ?? new Set()).add(cp.cluster));
    byMesh.set(mesh, roots);
  }
  return [...byMesh].filter(([, roots]) => roots.size > 1).map(([mesh, roots]) => {
    // The root most clusters hold is the mesh's; the others are the odd ones out, named in the title.
    const groups = [...roots.values()].map((s) => [...s].sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
    const odd = groups.slice(1).flat().sort();
    return {
      id: `trust/${mesh}`,
      kind: 'trust' as const,
      severity: 'critical' as const,
      title: `Mesh ${mesh || '(unnamed)'} has ${roots.size} different root certificates: ${odd.join(', ')} ${odd.length === 1 ? 'differs' : 'differ'} from ${groups[0]!.join(', ')}`,
      detail: 'Cross-cluster mTLS fails between clusters that do not share a root of trust.',
      href: '/clusters#trust-heading',
      cluster: odd.length === 1 ? odd[0] : undefined,
    };
  });
}

function serviceProblems(s: ServiceHealthInput): Problem[] {
  return s.clusters
    .filter((c) => c.health.status === 'failure' || c.health.status === 'degraded')
    .map((c) => ({
      id: `svc/${s.namespace}/${s.name}/${c.cluster}`,
      kind: c.health.status === 'failure' ? ('service-failing' as const) : ('service-degraded' as const),
      severity: c.health.status === 'failure' ? ('critical' as const) : ('warning' as const),
      title: `${s.name}.${s.namespace} is ${c.health.status === 'failure' ? 'failing' : 'degraded'} in ${c.cluster}`,
      detail: c.health.reasons.join('; ') || undefined,
      // The failing cluster in the URL: the service page highlights its column.
      href: serviceHref(s.namespace, s.name, undefined, c.cluster),
      topologyHref: `/topology?graphType=service&focus=${enc(`svc:${c.cluster}/${s.namespace}/${s.name}`)}`,
      cluster: c.cluster,
    }));
}

/** A cluster's p99 this far above the other clusters' (and by at least this much: a cross-network hop adds ~150 ms) is a latency problem. */
const LATENCY_FACTOR = 3;
const LATENCY_MIN_EXTRA_MS = 300;

/**
 * Latency as a health signal, across clusters: the same service answering
 * far slower in one cluster than in the others (with traffic in each) names
 * that cluster and by how much, even while no request fails.
 */
function latencyProblems(s: ServiceHealthInput): Problem[] {
  const measured = s.clusters.filter((c) => c.signals && c.signals.rps > 0 && c.signals.latencyMs.p99 !== null);
  if (measured.length < 2) return [];
  return measured.flatMap((c) => {
    const others = measured.filter((o) => o !== c).map((o) => o.signals!.latencyMs.p99!).sort((a, b) => a - b);
    // The upper median: with two other clusters, the slower one; a fast outlier does not make the rest look slow.
    const typical = others[Math.floor(others.length / 2)]!;
    const p99 = c.signals!.latencyMs.p99!;
    if (p99 < typical * LATENCY_FACTOR || p99 - typical < LATENCY_MIN_EXTRA_MS) return [];
    return [{
      id: `latency/${s.namespace}/${s.name}/${c.cluster}`,
      kind: 'latency' as const,
      severity: 'warning' as const,
      title: `${s.name}.${s.namespace} is slow in ${c.cluster}: p99 ${Math.round(p99)} ms`,
      detail: `${(p99 / Math.max(typical, 1)).toFixed(1)}× the other clusters (p99 ${Math.round(typical)} ms)`,
      href: serviceHref(s.namespace, s.name, undefined, c.cluster),
      topologyHref: `/topology?graphType=service&focus=${enc(`svc:${c.cluster}/${s.namespace}/${s.name}`)}`,
      cluster: c.cluster,
    }];
  });
}

/**
 * Latency as a health signal, against the edge's own past: the caller, the
 * destination workload, its cluster and how much slower than its baseline
 * (the server judges: 3x and 200 ms over, with traffic). Links to the
 * destination service in that cluster and to the graph around the workload.
 */
function edgeLatencyProblems(input: EdgeLatencyInput): Problem[] {
  const last = formatAge(input.baselineSeconds);
  return input.items.map((e) => {
    const src = e.source;
    const caller = !src ? 'a caller outside your workspaces' : src.cluster === e.cluster ? src.workload : `${src.workload} (${src.cluster})`;
    const from = src ? `${src.cluster}/${src.namespace}/${src.workload}` : 'outside';
    return {
      id: `edge-latency/${e.cluster}/${e.namespace}/${e.service}/${e.workload}/${from}`,
      kind: 'edge-latency' as const,
      severity: 'warning' as const,
      title: `${caller} → ${e.workload} is slow in ${e.cluster}: ${e.quantile} ${Math.round(e.nowMs)} ms`,
      detail: `${e.factor.toFixed(1)}× its last ${last} (${e.quantile} ${Math.round(e.baselineMs)} ms)`,
      href: serviceHref(e.namespace, e.service, undefined, e.cluster),
      topologyHref: `/topology?graphType=workload&focus=${enc(`wl:${e.cluster}/${e.workloadNamespace}/${e.workload}`)}`,
      cluster: e.cluster,
    };
  });
}

/** Watches expiring in several clusters at once (one etcd setting rolled out everywhere) read as one line. */
function oneLineForExpiries(lines: Problem[], clusters: ClusterSummary[]): Problem[] {
  if (lines.length < 2) return lines;
  const names = lines.map((p) => p.cluster!).sort();
  const most = Math.max(...clusters.filter((c) => names.includes(c.name)).map((c) => c.watchExpiries ?? 0));
  return [{ ...lines[0]!, id: 'clusters/watch-expiry', title: `${names.length} clusters end watches with 410 Gone: up to ${most} relists in 5 min (${names.join(', ')})`, href: '/clusters', cluster: undefined }];
}

/** "istiod in us-east-1 and eu-central-1 reports it as syncing", added to the reported cluster's own problem. */
function withIstiodReports(own: Problem[], cps: ControlPlane[]): Problem[] {
  return own.map((p) => {
    const by = new Map<string, Set<string>>();
    for (const cp of cps) {
      for (const d of cp.discoveredClusters) if (d.id === p.cluster && d.syncStatus !== 'synced') by.set(d.syncStatus, (by.get(d.syncStatus) ?? new Set()).add(cp.cluster));
    }
    if (by.size === 0) return p;
    const reports = [...by].map(([status, in_]) => `istiod in ${[...in_].sort().join(', ')} ${in_.size === 1 ? 'reports' : 'report'} it as ${status}`).join('; ');
    return { ...p, detail: p.detail ? `${p.detail} (${reports})` : reports };
  });
}

/** The same finding in several clusters (one sample applied everywhere) reads as one problem naming them all. */
export function groupFindings(findings: FindingInput[]): FindingInput[] {
  const groups = new Map<string, FindingInput>();
  for (const f of findings) {
    const key = `${f.code}\u0000${f.level}\u0000${f.message}`;
    const held = groups.get(key);
    if (held) held.clusters = [...new Set([...held.clusters, ...f.clusters])].sort();
    else groups.set(key, { ...f, clusters: [...f.clusters].sort() });
  }
  return [...groups.values()];
}

/**
 * What is broken now, in triage order: unreachable clusters, services failing
 * then degraded, an edge far slower than its own baseline, a service far slower in one cluster, proxies out of sync, split or expiring trust, discovery gaps,
 * istiod that cannot be read, clusters still syncing; worse severity first
 * within a kind. Standing configuration findings are not live problems: they
 * are listed apart (standing-findings.ts), with Istio's own levels.
 */
export function rankProblems(inputs: ProblemInputs): Problem[] {
  const clusters = inputs.clusters ?? [];
  const cps = inputs.controlPlanes ?? [];
  const edgeSlow = new Set((inputs.edgeLatency?.items ?? []).map((e) => `latency/${e.namespace}/${e.service}/${e.cluster}`));
  const own = clusters.flatMap(clusterProblems);
  const all = [
    ...withIstiodReports(own.filter((p) => p.kind !== 'watch-expiry'), cps),
    ...oneLineForExpiries(own.filter((p) => p.kind === 'watch-expiry'), clusters),
    ...trustProblems(clusters, cps),
    // istiod elsewhere reporting a cluster that is a problem itself says why on that cluster's line, not on its own.
    ...cps.flatMap((cp) => controlPlaneProblems(cp, inputs.now)).filter((p) => !(p.kind === 'discovery' && own.some((o) => o.cluster === p.about))),
    ...(inputs.services ?? []).flatMap(serviceProblems),
    ...edgeLatencyProblems(inputs.edgeLatency ?? { baselineSeconds: 0, items: [] }),
    // A service slow in one cluster whose edge is named above needs no second line.
    ...(inputs.services ?? []).flatMap(latencyProblems).filter((p) => !edgeSlow.has(p.id)),
    ...fleetStateProblems(inputs.findings ?? []),
    ...(inputs.churn ? churnProblems(inputs.churn.items, inputs.churn.minutes) : []),
  ];
  const order = (k: ProblemKind) => KIND_ORDER.indexOf(k);
  const ranked = all.map((p, i) => ({ p, i })).sort((a, b) => order(a.p.kind) - order(b.p.kind) || RANK[a.p.severity] - RANK[b.p.severity] || a.i - b.i).map(({ p }) => p);
  // Two istiod revisions of one cluster often report the same thing: a line that says nothing new is dropped.
  const seen = new Set<string>();
  return ranked.filter((p) => {
    const key = `${p.title}\u0000${p.href}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
