import { describe, expect, it } from 'vitest';
import { classifyError, ClusterConditionMemo, deriveClusterCondition, toClusterStatus, type ClusterCondition, type ConnectionFacts, type Failure, type KindStatus } from './cluster-state';
import { backoffDelay, backoffFor, DEFAULT_BACKOFF } from './backoff';

const now = 100_000;
const facts = (over: Partial<ConnectionFacts> = {}): ConnectionFacts => ({
  startedAt: now - 10_000,
  discovered: true,
  kinds: [
    { kind: 'Pod', synced: true, lastSeenAt: now - 1000 },
    { kind: 'Service', synced: true, lastSeenAt: now - 2000 },
  ],
  ...over,
});

describe('cluster state machine', () => {
  it('is ok when every kind is synced and fresh', () => {
    expect(deriveClusterCondition(facts(), now, 60_000)).toMatchObject({ phase: 'ok', syncedKinds: 2, totalKinds: 2, dataAgeSeconds: 2 });
  });
  it('is connecting before discovery, syncing with n/total after', () => {
    expect(deriveClusterCondition(facts({ discovered: false, kinds: [] }), now, 60_000).phase).toBe('connecting');
    const c = deriveClusterCondition(facts({ kinds: [{ kind: 'Pod', synced: true, lastSeenAt: now }, { kind: 'Service', synced: false }] }), now, 60_000);
    expect(c).toMatchObject({ phase: 'syncing', reason: '1/2 kinds synced' });
  });
  it('is stale when a kind has been silent past the threshold', () => {
    expect(deriveClusterCondition(facts(), now, 1500)).toMatchObject({ phase: 'stale' });
  });
  it('orders failures: unauthorized > unreachable > error > forbidden', () => {
    const kinds = [
      { kind: 'Pod', synced: true, failure: { kind: 'forbidden' as const, message: '403' } },
      { kind: 'Secret', synced: false, failure: { kind: 'unreachable' as const, message: 'ECONNREFUSED' } },
    ];
    expect(deriveClusterCondition(facts({ kinds }), now, 60_000).phase).toBe('unreachable');
    expect(deriveClusterCondition(facts({ kinds: [kinds[0]!] }), now, 60_000)).toMatchObject({ phase: 'forbidden', forbiddenKinds: ['Pod'] });
    expect(deriveClusterCondition(facts({ discoveryFailure: { kind: 'unauthorized', message: '401' }, kinds }), now, 60_000).phase).toBe('unauthorized');
  });
  it('stays ok when only some kinds are forbidden, naming them, and is forbidden only when none can be read', () => {
    const kinds = [
      { kind: 'Secret', synced: false, lastSeenAt: now - 600_000, failure: { kind: 'forbidden' as const, message: '403' } },
      { kind: 'Pod', synced: true, lastSeenAt: now - 1000 },
    ];
    expect(deriveClusterCondition(facts({ kinds }), now, 60_000)).toMatchObject({ phase: 'ok', reason: 'forbidden to list or watch: Secret', forbiddenKinds: ['Secret'], syncedKinds: 1, totalKinds: 2, dataAgeSeconds: 1 });
    expect(deriveClusterCondition(facts({ kinds: [kinds[0]!] }), now, 60_000)).toMatchObject({ phase: 'forbidden', reason: 'forbidden to list or watch: Secret' });
  });
  it('leaves a kind that is not served (404) out of sync and freshness, quietly', () => {
    const kinds = [
      { kind: 'WasmPlugin', synced: false, lastSeenAt: now - 600_000, notServed: true },
      { kind: 'Pod', synced: true, lastSeenAt: now - 1000 },
    ];
    const c = deriveClusterCondition(facts({ kinds }), now, 60_000);
    expect(c).toMatchObject({ phase: 'ok', notServedKinds: ['WasmPlugin'], forbiddenKinds: [], dataAgeSeconds: 1 });
    expect(c.reason).toBeUndefined();
  });
  it('reports a malformed kubeconfig as error with its reason', () => {
    expect(deriveClusterCondition(facts({ configError: 'no server' }), now, 60_000)).toMatchObject({ phase: 'error', reason: 'no server' });
  });
  it('maps connecting to syncing in the envelope', () => {
    expect(toClusterStatus(deriveClusterCondition(facts({ discovered: false, kinds: [] }), now, 60_000)).state).toBe('syncing');
  });
});

describe('classifyError', () => {
  it('classifies HTTP statuses and network errors', () => {
    expect(classifyError({ status: 401, message: 'x' }).kind).toBe('unauthorized');
    expect(classifyError({ statusCode: 403, message: 'x' }).kind).toBe('forbidden');
    expect(classifyError({ status: 500, message: 'x' }).kind).toBe('error');
    expect(classifyError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })).kind).toBe('unreachable');
    expect(classifyError(new Error('request timed out after 10 ms')).kind).toBe('unreachable');
  });
  it('keeps no trailing newline of a plain-text body in the message', () => {
    expect(classifyError({ status: 502, message: 'bad gateway\n' }).message).toBe('HTTP 502: bad gateway');
  });
});

describe('backoff', () => {
  it('grows exponentially, is capped, and keeps at least half of the step', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, opts, () => 0)).toBe(50);
    expect(backoffDelay(0, opts, () => 1)).toBe(100);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(600);
    expect(backoffDelay(50, opts, () => 1)).toBe(1000);
  });
});

describe('backoff after 401/403', () => {
  it('retries credentials slowly, up to 60 s by default, and other failures at the normal pace', () => {
    expect(backoffFor({ kind: 'unauthorized' })).toEqual({ baseMs: 2000, maxMs: 60_000 });
    expect(backoffFor({ kind: 'forbidden' })).toEqual({ baseMs: 2000, maxMs: 60_000 });
    expect(backoffFor({ kind: 'unreachable' })).toBe(DEFAULT_BACKOFF);
    expect(backoffDelay(50, backoffFor({ kind: 'unauthorized' }), () => 1)).toBe(60_000);
    expect(backoffDelay(0, backoffFor({ kind: 'unauthorized' }), () => 0)).toBe(1000);
    // Tests shorten the normal schedule; the auth one follows (4 x base, 2 x max).
    expect(backoffFor({ kind: 'unauthorized' }, { baseMs: 100, maxMs: 1000 })).toEqual({ baseMs: 400, maxMs: 2000 });
  });
});

/** The array-method version the single pass replaced, kept as the reference. */
function reference(facts: ConnectionFacts, now: number, staleAfterMs: number): ClusterCondition {
  const total = facts.kinds.length;
  const synced = facts.kinds.filter((k) => k.synced).length;
  const notServedKinds = facts.kinds.filter((k) => k.notServed).map((k) => k.kind).sort();
  const forbiddenKinds = facts.kinds.filter((k) => !k.notServed && k.failure?.kind === 'forbidden').map((k) => k.kind).sort();
  const usable = facts.kinds.filter((k) => !k.notServed && k.failure?.kind !== 'forbidden');
  const usableSynced = usable.filter((k) => k.synced).length;
  const seen = usable.map((k) => k.lastSeenAt ?? facts.startedAt);
  const oldest = seen.length ? Math.min(...seen) : facts.startedAt;
  const base = { syncedKinds: synced, totalKinds: total, forbiddenKinds, notServedKinds, dataAgeSeconds: Math.max(0, Math.round((now - oldest) / 1000)) };
  const forbiddenReason = forbiddenKinds.length ? `forbidden to list or watch: ${forbiddenKinds.join(', ')}` : undefined;
  if (facts.configError) return { ...base, phase: 'error', reason: facts.configError };
  const failures = usable.flatMap((k) => (k.failure ? [{ kind: k.kind, f: k.failure }] : []));
  if (facts.discoveryFailure) failures.unshift({ kind: 'discovery', f: facts.discoveryFailure });
  const first = (kind: Failure['kind']) => failures.find((x) => x.f.kind === kind);
  const unauthorized = first('unauthorized');
  if (unauthorized) return { ...base, phase: 'unauthorized', reason: unauthorized.f.message };
  const unreachable = first('unreachable');
  if (unreachable) return { ...base, phase: 'unreachable', reason: unreachable.f.message };
  const error = first('error');
  if (error) return { ...base, phase: 'error', reason: `${error.kind}: ${error.f.message}` };
  if (facts.discoveryFailure?.kind === 'forbidden') return { ...base, phase: 'forbidden', reason: `API discovery: ${facts.discoveryFailure.message}` };
  if (forbiddenKinds.length && usable.length === 0) return { ...base, phase: 'forbidden', reason: forbiddenReason };
  if (!facts.discovered) return { ...base, phase: 'connecting', reason: 'connecting' };
  if (usableSynced < usable.length) return { ...base, phase: 'syncing', reason: `${usableSynced}/${usable.length} kinds synced` };
  const stalest = usable.reduce<KindStatus | undefined>((a, k) => ((k.lastSeenAt ?? 0) < (a?.lastSeenAt ?? Infinity) ? k : a), undefined);
  if (stalest && now - (stalest.lastSeenAt ?? facts.startedAt) > staleAfterMs) {
    return { ...base, phase: 'stale', reason: `no event or bookmark for ${base.dataAgeSeconds}s (${stalest.kind})` };
  }
  return forbiddenReason ? { ...base, phase: 'ok', reason: forbiddenReason } : { ...base, phase: 'ok' };
}

describe('deriveClusterCondition in one pass', () => {
  it('answers as the array-method version did, over random facts', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const kinds: Array<Failure['kind']> = ['unreachable', 'unauthorized', 'forbidden', 'error'];
    const failure = (): Failure | undefined => (rnd(4) === 0 ? { kind: kinds[rnd(4)]!, message: `m${rnd(9)}` } : undefined);
    for (let i = 0; i < 3000; i++) {
      const facts: ConnectionFacts = {
        startedAt: 1_000_000,
        discovered: rnd(5) > 0,
        configError: rnd(40) === 0 ? 'bad' : undefined,
        discoveryFailure: rnd(6) === 0 ? failure() : undefined,
        kinds: Array.from({ length: rnd(6) }, (_, j) => ({ kind: `K${rnd(5)}${j}`, synced: rnd(4) > 0, lastSeenAt: rnd(5) === 0 ? undefined : 1_000_000 + rnd(120_000), failure: failure(), ...(rnd(8) === 0 ? { notServed: true } : {}) })),
      };
      const now = 1_000_000 + rnd(200_000);
      expect(deriveClusterCondition(facts, now, 60_000)).toEqual(reference(facts, now, 60_000));
    }
  });
});

describe('ClusterConditionMemo', () => {
  it('hands back the previous condition while nothing it is made of changed, and a new one when something did', () => {
    const f = facts();
    const memo = new ClusterConditionMemo();
    const first = memo.derive(f, now, 60_000);
    expect(memo.derive(f, now + 300, 60_000)).toBe(first); // same second of data age
    expect(toClusterStatus(first)).toBe(toClusterStatus(first));
    const older = memo.derive(f, now + 1_000, 60_000);
    expect(older).not.toBe(first);
    expect(older.dataAgeSeconds).toBe(3);
    f.kinds[0]!.failure = { kind: 'unreachable', message: 'ECONNREFUSED' }; // mutated in place, as a watch does
    expect(memo.derive(f, now + 1_000, 60_000)).toMatchObject({ phase: 'unreachable', reason: 'ECONNREFUSED' });
  });

  it('answers as deriveClusterCondition does while one set of facts is mutated in place, over random steps', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const failureKinds: Array<Failure['kind']> = ['unreachable', 'unauthorized', 'forbidden', 'error'];
    const f: ConnectionFacts = { startedAt: 1_000_000, discovered: false, kinds: Array.from({ length: 4 }, (_, j) => ({ kind: `K${j}`, synced: false })) };
    const memo = new ClusterConditionMemo();
    let t = 1_000_000;
    let reused = 0;
    let previous: ClusterCondition | undefined;
    for (let i = 0; i < 5000; i++) {
      t += rnd(3) === 0 ? rnd(5_000) : rnd(200);
      const k = f.kinds[rnd(4)]!;
      switch (rnd(8)) {
        case 0: f.discovered = true; break;
        case 1: k.synced = true; break;
        case 2: k.lastSeenAt = t; break;
        case 3: k.failure = rnd(2) ? { kind: failureKinds[rnd(4)]!, message: `m${rnd(3)}` } : undefined; break;
        case 4: f.discoveryFailure = rnd(3) === 0 ? { kind: failureKinds[rnd(4)]!, message: 'd' } : undefined; break;
        case 5: k.notServed = rnd(3) === 0 || undefined; break;
        default: break; // time passes only
      }
      const got = memo.derive(f, t, 60_000);
      expect(got).toEqual(deriveClusterCondition(f, t, 60_000));
      if (got === previous) reused++;
      previous = got;
    }
    expect(reused).toBeGreaterThan(500);
  });
});
