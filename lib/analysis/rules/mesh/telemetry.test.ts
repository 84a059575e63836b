import { describe, expect, it } from 'vitest';
import { ctxOf } from '../../test-helpers';
import { checkTelemetryClusterLabels } from './telemetry';

describe('checkTelemetryClusterLabels (MG0018)', () => {
  it('fires once per mismatch given by telemetry', () => {
    const fs = checkTelemetryClusterLabels(ctxOf([], { telemetryMismatches: [{ cluster: 'us-east-1', telemetryCluster: 'useast1' }, { telemetryCluster: 'ghost' }] }));
    expect(fs.map((f) => f.message)).toEqual([
      'Cluster us-east-1 reports metrics as cluster="useast1"; the graph and health of that cluster will be empty or misattributed.',
      'Metrics carry cluster="ghost", which names no cluster of the fleet; the graph and health of that cluster will be empty or misattributed.',
    ]);
  });

  it('is quiet without mismatches', () => {
    expect(checkTelemetryClusterLabels(ctxOf([]))).toEqual([]);
  });
});
