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
}

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
  dataAgeSeconds: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Classifies an error thrown by a request to a cluster. */
export function classifyError(err: unknown): Failure {
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown; name?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  if (status === 401) return { kind: 'unauthorized', status, message: `401 Unauthorized: ${message}` };
  if (status === 403) return { kind: 'forbidden', status, message: `403 Forbidden: ${message}` };
  if (status !== undefined) return { kind: 'error', status, message: `HTTP ${status}: ${message}` };
  if ((typeof e?.code === 'string' && NETWORK_CODES.has(e.code)) || e?.name === 'TimeoutError' || /timed? ?out|socket hang up/i.test(message)) {
    return { kind: 'unreachable', message: typeof e?.code === 'string' ? `${e.code}: ${message}` : message };
  }
  return { kind: 'error', message };
}

/**
 * The state machine of one cluster, as a pure function of what its connection
 * has seen. Order matters: a credential problem hides everything else, a
 * network failure beats partial permissions, and freshness is judged last.
 */
export function deriveClusterCondition(facts: ConnectionFacts, now: number, staleAfterMs: number): ClusterCondition {
  const total = facts.kinds.length;
  const synced = facts.kinds.filter((k) => k.synced).length;
  const forbiddenKinds = facts.kinds.filter((k) => k.failure?.kind === 'forbidden').map((k) => k.kind).sort();
  const seen = facts.kinds.map((k) => k.lastSeenAt ?? facts.startedAt);
  const oldest = seen.length ? Math.min(...seen) : facts.startedAt;
  const base = { syncedKinds: synced, totalKinds: total, forbiddenKinds, dataAgeSeconds: Math.max(0, Math.round((now - oldest) / 1000)) };
  if (facts.configError) return { ...base, phase: 'error', reason: facts.configError };
  const failures = facts.kinds.flatMap((k) => (k.failure ? [{ kind: k.kind, f: k.failure }] : []));
  if (facts.discoveryFailure) failures.unshift({ kind: 'discovery', f: facts.discoveryFailure });
  const first = (kind: Failure['kind']) => failures.find((x) => x.f.kind === kind);
  const unauthorized = first('unauthorized');
  if (unauthorized) return { ...base, phase: 'unauthorized', reason: unauthorized.f.message };
  const unreachable = first('unreachable');
  if (unreachable) return { ...base, phase: 'unreachable', reason: unreachable.f.message };
  const error = first('error');
  if (error) return { ...base, phase: 'error', reason: `${error.kind}: ${error.f.message}` };
  if (facts.discoveryFailure?.kind === 'forbidden') return { ...base, phase: 'forbidden', reason: `API discovery: ${facts.discoveryFailure.message}` };
  if (forbiddenKinds.length) return { ...base, phase: 'forbidden', reason: `forbidden to list or watch: ${forbiddenKinds.join(', ')}` };
  if (!facts.discovered) return { ...base, phase: 'connecting', reason: 'connecting' };
  if (synced < total) return { ...base, phase: 'syncing', reason: `${synced}/${total} kinds synced` };
  const stalest = facts.kinds.reduce<KindStatus | undefined>((a, k) => ((k.lastSeenAt ?? 0) < (a?.lastSeenAt ?? Infinity) ? k : a), undefined);
  if (stalest && now - (stalest.lastSeenAt ?? facts.startedAt) > staleAfterMs) {
    return { ...base, phase: 'stale', reason: `no event or bookmark for ${base.dataAgeSeconds}s (${stalest.kind})` };
  }
  return { ...base, phase: 'ok' };
}

/** The envelope's view of a condition: 'connecting' is shown as syncing. */
export function toClusterStatus(c: ClusterCondition): ClusterStatus {
  const state = c.phase === 'connecting' ? 'syncing' : c.phase;
  return c.reason === undefined ? { state, dataAgeSeconds: c.dataAgeSeconds } : { state, reason: c.reason, dataAgeSeconds: c.dataAgeSeconds };
}
