import { describe, expect, it } from 'vitest';
import { classifyError, deriveClusterCondition, toClusterStatus, type ConnectionFacts } from './cluster-state';
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
