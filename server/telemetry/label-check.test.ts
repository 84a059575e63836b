import { describe, expect, it } from 'vitest';
import type { FoundLabel } from './label-mismatch';
import { telemetryMismatches } from './label-check';

const fleet = ['staging-us-east-1', 'us-east-1', 'us-west-2'];
const g = (label: string, value: string, source = 'global'): FoundLabel => ({ label, value, source });
const both = (names: string[]) => names.flatMap((n) => [g('cluster', n), g('destination_cluster', n)]);

describe('telemetryMismatches (MG0018 input)', () => {
  it('is empty when metric names match the fleet', () => {
    expect(telemetryMismatches(fleet, { found: both(fleet), pairs: new Map() })).toEqual([]);
  });

  it('pairs an odd cluster-label value with the destination_cluster seen with it', () => {
    const found = [...both(['us-east-1', 'us-west-2']), g('cluster', 'staging'), g('destination_cluster', 'staging-us-east-1')];
    const pairs = new Map([['staging', new Set(['staging-us-east-1'])]]);
    expect(telemetryMismatches(fleet, { found, pairs })).toEqual([{ cluster: 'staging-us-east-1', telemetryCluster: 'staging', detail: 'label cluster' }]);
  });

  it('pairs the only odd name with the only fleet cluster without metrics, else reports names alone', () => {
    const one = [...both(['us-east-1', 'us-west-2']), g('cluster', 'stg'), g('destination_cluster', 'stg')];
    expect(telemetryMismatches(fleet, { found: one, pairs: new Map() })).toEqual([expect.objectContaining({ cluster: 'staging-us-east-1', telemetryCluster: 'stg' })]);
    const two = [...both(['us-east-1']), g('cluster', 'a'), g('cluster', 'b')];
    expect(telemetryMismatches(fleet, { found: two, pairs: new Map() }).map((m) => [m.cluster, m.telemetryCluster])).toEqual([[undefined, 'a'], [undefined, 'b']]);
  });

  it('does not report an idle cluster when every name matches', () => {
    expect(telemetryMismatches(fleet, { found: both(['us-east-1', 'us-west-2']), pairs: new Map() })).toEqual([]);
  });

  it('names the cluster whose own Prometheus labels its metrics otherwise (per-cluster mode)', () => {
    const found = [g('destination_cluster', 'us-east-1', 'us-east-1'), g('destination_cluster', 'Kubernetes', 'us-west-2')];
    expect(telemetryMismatches(['us-east-1', 'us-west-2'], { found, pairs: new Map() })).toEqual([{ cluster: 'us-west-2', telemetryCluster: 'Kubernetes', detail: 'label destination_cluster' }]);
  });
});
