import { describe, expect, it } from 'vitest';
import { changesApiParams, parseChangesState, serialiseChangesState } from './changes-url-state';

describe('the timeline URL state', () => {
  it('round-trips filters and drops the default window', () => {
    const st = parseChangesState(new URLSearchParams('cluster=us-east-1&service=bookinfo/reviews&category=config,workload&window=1h'));
    expect(st).toEqual({ cluster: 'us-east-1', namespace: undefined, service: 'bookinfo/reviews', categories: ['config', 'workload'], window: '1h' });
    expect(serialiseChangesState(st)).toBe('?cluster=us-east-1&service=bookinfo%2Freviews&category=config%2Cworkload&window=1h');
    expect(serialiseChangesState(parseChangesState(new URLSearchParams('window=24h')))).toBe('');
  });

  it('ignores unknown categories and windows instead of failing', () => {
    expect(parseChangesState(new URLSearchParams('category=config,bogus&window=3y'))).toMatchObject({ categories: ['config'], window: '24h' });
  });

  it('asks the API for the window ending at the next minute', () => {
    const now = Date.parse('2026-12-07T01:30:20Z');
    expect(changesApiParams(parseChangesState(new URLSearchParams('window=15m')), now).from).toBe('2026-12-07T01:16:00.000Z');
  });
});
