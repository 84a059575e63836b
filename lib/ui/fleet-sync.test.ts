import { describe, expect, it } from 'vitest';
import { describeFleetSync } from './fleet-sync';

describe('describeFleetSync', () => {
  it('shows progress while clusters connect', () => {
    expect(describeFleetSync({ ready: false, tried: 37, total: 50 }, null, false)).toEqual({ text: 'Syncing 37 of 50 clusters…', tone: 'busy' });
  });
  it('says when nothing is configured', () => {
    expect(describeFleetSync({ ready: true, tried: 0, total: 0 }, null, false).text).toBe('No clusters configured');
  });
  it('carries the error when the server does not answer', () => {
    expect(describeFleetSync(undefined, new Error('boom'), false)).toEqual({ text: 'Sync state unknown: boom', tone: 'bad' });
  });
  it('uses the singular for one cluster', () => {
    expect(describeFleetSync({ ready: true, tried: 1, total: 1 }, null, false).text).toBe('All 1 cluster tried');
  });
});
