import 'server-only';
import type { ClusterStatus } from '@/lib/api/envelope';

/** What went wrong with one request to a cluster, classified for the state machine. */
export interface Failure {
  kind: 'unreachable' | 'unauthorized' | 'forbidden' | 'error';
  message: string;
  status?: number;
}

/** One watched kind's progress. */
export interface KindStatus {
  /** Display name ('Pod', 'VirtualService'). */
  kind: string;
  synced: boolean;
  /** When an event, bookmark, list or watch (re)open last confirmed the data (ms epoch). */
  lastSeenAt?: number;
  failure?: Failure;
  /** The last list or watch answered 404: the server does not serve the kind (a CRD deleted); its records were dropped. */
  notServed?: boolean;
  /** When the server ended this kind's watch with 410 Gone (ms epoch, the last WATCH_EXPIRY_WINDOW_MS): each costs a full relist. */
  expiredAt?: number[];
}

/** How far back a kind's watch expiries are kept and counted. */
export const WATCH_EXPIRY_WINDOW_MS = 5 * 60_000;

/** Everything the state is derived from; kept by the ClusterConnection. */
export interface ConnectionFacts {
  startedAt: number;
  /** A malformed kubeconfig or context: the cluster cannot even be tried. */
  configError?: string;
  discovered: boolean;
  discoveryFailure?: Failure;
  kinds: KindStatus[];
}

export type ClusterPhase = 'connecting' | 'syncing' | 'ok' | 'stale' | 'unreachable' | 'unauthorized' | 'forbidden' | 'error';

/** A cluster's state with its reason, as the UI shows it. */
export interface ClusterCondition {
  phase: ClusterPhase;
  reason?: string;
  syncedKinds: number;
  totalKinds: number;
  forbiddenKinds: string[];
  /** Kinds the server answered 404 for (absent = none; views made before this field omit it). */
  notServedKinds?: string[];
  dataAgeSeconds: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Classifies an error thrown by a request to a cluster. */
export function classifyError(err: unknown): Failure {
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown; name?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  // Reasons are shown on one line: no trailing newline from a plain-text body.
  const message = (typeof e?.message === 'string' && e.message.trim() ? e.message : String(err)).trim();
  if (status === 401) return { kind: 'unauthorized', status, message: `401 Unauthorized: ${message}` };
  if (status === 403) return { kind: 'forbidden', status, message: `403 Forbidden: ${message}` };
  if (status !== undefined) return { kind: 'error', status, message: `HTTP ${status}: ${message}` };
  if ((typeof e?.code === 'string' && NETWORK_CODES.has(e.code)) || e?.name === 'TimeoutError' || /timed? ?out|socket hang up/i.test(message)) {
    return { kind: 'unreachable', message: typeof e?.code === 'string' ? `${e.code}: ${message}` : message };
  }
  return { kind: 'error', message };
}

/** One pass over a cluster's kinds: what its condition is derived from besides the facts' own fields. */
interface KindScan {
  total: number;
  synced: number;
  /** Kinds neither forbidden nor not served: the ones the cluster's data comes from. */
  usable: number;
  usableSynced: number;
  oldest: number;
  stalest?: KindStatus;
  forbiddenKinds: string[];
  notServedKinds: string[];
  unauthorized?: Failure;
  unreachable?: Failure;
  error?: { kind: string; f: Failure };
}

function scanKinds(facts: ConnectionFacts): KindScan {
  // One pass over the kinds: this runs for every cluster on each state tick and each answer's envelope
  // (the array methods it replaced were ~1.5% of the sync CPU at 200 clusters).
  const total = facts.kinds.length;
  let synced = 0;
  let usable = 0;
  let usableSynced = 0;
  let oldest = Infinity;
  let forbiddenKinds: string[] = NO_KINDS;
  let notServedKinds: string[] = NO_KINDS;
  let stalest: KindStatus | undefined;
  // The first failure of each class, discovery's before the kinds'.
  const d = facts.discoveryFailure;
  let unauthorized = d?.kind === 'unauthorized' ? d : undefined;
  let unreachable = d?.kind === 'unreachable' ? d : undefined;
  let error: { kind: string; f: Failure } | undefined = d?.kind === 'error' ? { kind: 'discovery', f: d } : undefined;
  for (const k of facts.kinds) {
    if (k.synced) synced++;
    const f = k.failure;
    // A kind we may not read, or that is not served, holds no data: it neither delays sync nor goes stale.
    if (k.notServed) {
      notServedKinds = notServedKinds === NO_KINDS ? [k.kind] : [...notServedKinds, k.kind];
      continue;
    }
    if (f?.kind === 'forbidden') {
      forbiddenKinds = forbiddenKinds === NO_KINDS ? [k.kind] : [...forbiddenKinds, k.kind];
      continue;
    }
    usable++;
    if (k.synced) usableSynced++;
    const seen = k.lastSeenAt ?? facts.startedAt;
    if (seen < oldest) oldest = seen;
    if ((k.lastSeenAt ?? 0) < (stalest?.lastSeenAt ?? Infinity)) stalest = k;
    if (!f) continue;
    if (f.kind === 'unauthorized') unauthorized ??= f;
    else if (f.kind === 'unreachable') unreachable ??= f;
    else error ??= { kind: k.kind, f };
  }
  if (forbiddenKinds.length > 1) forbiddenKinds.sort();
  if (notServedKinds.length > 1) notServedKinds.sort();
  if (usable === 0) oldest = facts.startedAt;
  return { total, synced, usable, usableSynced, oldest, stalest, forbiddenKinds, notServedKinds, unauthorized, unreachable, error };
}

const NO_KINDS: string[] = [];

const isStale = (facts: ConnectionFacts, scan: KindScan, now: number, staleAfterMs: number) =>
  scan.stalest !== undefined && now - (scan.stalest.lastSeenAt ?? facts.startedAt) > staleAfterMs;

const dataAgeSeconds = (scan: KindScan, now: number) => Math.max(0, Math.round((now - scan.oldest) / 1000));

function conditionOf(facts: ConnectionFacts, scan: KindScan, now: number, staleAfterMs: number): ClusterCondition {
  const { synced, total, usable, usableSynced, forbiddenKinds, notServedKinds, unauthorized, unreachable, error } = scan;
  const d = facts.discoveryFailure;
  const base = {
    syncedKinds: synced,
    totalKinds: total,
    forbiddenKinds: forbiddenKinds === NO_KINDS ? [] : forbiddenKinds,
    notServedKinds: notServedKinds === NO_KINDS ? [] : notServedKinds,
    dataAgeSeconds: dataAgeSeconds(scan, now),
  };
  const forbiddenReason = forbiddenKinds.length ? `forbidden to list or watch: ${forbiddenKinds.join(', ')}` : undefined;
  if (facts.configError) return { ...base, phase: 'error', reason: facts.configError };
  if (unauthorized) return { ...base, phase: 'unauthorized', reason: unauthorized.message };
  if (unreachable) return { ...base, phase: 'unreachable', reason: unreachable.message };
  if (error) return { ...base, phase: 'error', reason: `${error.kind}: ${error.f.message}` };
  if (d?.kind === 'forbidden') return { ...base, phase: 'forbidden', reason: `API discovery: ${d.message}` };
  // Only a token that may read none of the kinds makes the cluster forbidden; otherwise the kinds say which.
  if (forbiddenKinds.length && usable === 0) return { ...base, phase: 'forbidden', reason: forbiddenReason };
  if (!facts.discovered) return { ...base, phase: 'connecting', reason: 'connecting' };
  if (usableSynced < usable) return { ...base, phase: 'syncing', reason: `${usableSynced}/${usable} kinds synced` };
  if (isStale(facts, scan, now, staleAfterMs)) {
    return { ...base, phase: 'stale', reason: `no event or bookmark for ${base.dataAgeSeconds}s (${scan.stalest!.kind})` };
  }
  return forbiddenReason ? { ...base, phase: 'ok', reason: forbiddenReason } : { ...base, phase: 'ok' };
}

/**
 * The state machine of one cluster, as a pure function of what its connection
 * has seen. Order matters: a credential problem hides everything else, a
 * network failure beats partial permissions, and freshness is judged last.
 * Kinds forbidden or not served are reported by name and left out of sync
 * and freshness: the cluster stays usable on the others.
 */
export function deriveClusterCondition(facts: ConnectionFacts, now: number, staleAfterMs: number): ClusterCondition {
  return conditionOf(facts, scanKinds(facts), now, staleAfterMs);
}

/**
 * deriveClusterCondition for one cluster, returning the previous condition object while everything it is
 * made of is the same (the facts' fields, the kinds' counts, failures and stalest kind, the data age in
 * seconds and staleness). Every answer's envelope asks for each cluster's condition; at M under 100
 * requests/s that made 5,000 conditions a second, and their garbage drove a major GC every ~4 s.
 * Callers must not modify the returned condition.
 */
export class ClusterConditionMemo {
  private last?: { facts: ConnectionFacts; configError?: string; discoveryFailure?: Failure; discovered: boolean; scan: KindScan; age: number; stale: boolean; condition: ClusterCondition };

  derive(facts: ConnectionFacts, now: number, staleAfterMs: number): ClusterCondition {
    const scan = scanKinds(facts);
    const age = dataAgeSeconds(scan, now);
    const stale = isStale(facts, scan, now, staleAfterMs);
    const l = this.last;
    if (
      l &&
      l.facts === facts &&
      l.configError === facts.configError &&
      l.discoveryFailure === facts.discoveryFailure &&
      l.discovered === facts.discovered &&
      l.age === age &&
      l.stale === stale &&
      sameScan(l.scan, scan)
    ) {
      return l.condition;
    }
    const condition = conditionOf(facts, scan, now, staleAfterMs);
    this.last = { facts, configError: facts.configError, discoveryFailure: facts.discoveryFailure, discovered: facts.discovered, scan, age, stale, condition };
    return condition;
  }
}

function sameScan(a: KindScan, b: KindScan): boolean {
  return (
    a.total === b.total &&
    a.synced === b.synced &&
    a.usable === b.usable &&
    a.usableSynced === b.usableSynced &&
    a.stalest?.kind === b.stalest?.kind &&
    a.unauthorized === b.unauthorized &&
    a.unreachable === b.unreachable &&
    a.error?.kind === b.error?.kind &&
    a.error?.f === b.error?.f &&
    a.forbiddenKinds.length === b.forbiddenKinds.length &&
    a.forbiddenKinds.every((k, i) => k === b.forbiddenKinds[i]) &&
    a.notServedKinds.length === b.notServedKinds.length &&
    a.notServedKinds.every((k, i) => k === b.notServedKinds[i])
  );
}

const statuses = new WeakMap<ClusterCondition, ClusterStatus>();

/** The envelope's view of a condition: 'connecting' is shown as syncing. Made once per condition object; callers must not modify it. */
export function toClusterStatus(c: ClusterCondition): ClusterStatus {
  let status = statuses.get(c);
  if (!status) {
    const state = c.phase === 'connecting' ? 'syncing' : c.phase;
    status = c.reason === undefined ? { state, dataAgeSeconds: c.dataAgeSeconds } : { state, reason: c.reason, dataAgeSeconds: c.dataAgeSeconds };
    statuses.set(c, status);
  }
  return status;
}
