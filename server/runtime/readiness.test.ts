import { describe, expect, it } from 'vitest';
import { Readiness } from './readiness';

describe('Readiness', () => {
  it('is not ready before the cluster list is known', () => {
    expect(new Readiness().snapshot().ready).toBe(false);
  });

  it('is ready at once for an empty fleet', () => {
    const r = new Readiness();
    r.expect([]);
    expect(r.snapshot()).toEqual({ ready: true, tried: 0, total: 0, pending: 0 });
  });

  it('waits until every cluster has been tried once', () => {
    const r = new Readiness();
    r.expect(['b', 'a']);
    r.markTried('a');
    expect(r.snapshot()).toMatchObject({ ready: false, tried: 1, total: 2, pending: 1 });
    r.markTried('b');
    expect(r.snapshot().ready).toBe(true);
  });

  it('stops waiting for a cluster removed from the configuration', () => {
    const r = new Readiness();
    r.expect(['a', 'b']);
    r.markTried('a');
    r.forget('b');
    expect(r.snapshot()).toMatchObject({ ready: true, total: 1 });
  });

  // /readyz is public: a count says how far the sync is without telling anyone the fleet's cluster names.
  it('reports counts only, never a cluster name', () => {
    const r = new Readiness();
    r.expect(['prod-payments-eu', 'prod-ledger-us']);
    r.markTried('prod-ledger-us');
    const text = JSON.stringify(r.snapshot());
    expect(text).not.toContain('prod-');
    expect(r.snapshot()).toEqual({ ready: false, tried: 1, total: 2, pending: 1 });
  });
});
