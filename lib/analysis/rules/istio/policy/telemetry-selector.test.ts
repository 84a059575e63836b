import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkTelemetrySelectorsIn } from './telemetry-selector';

const pod = (name: string, ns: string, app: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${app}}}
`;
const telemetry = (name: string, app: string) => `---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: ${name}, namespace: shop}
spec: {selector: {matchLabels: {app: ${app}}}}
`;
const run = (yaml: string, over = {}) => {
  const c = clusterOf('c', yaml, over);
  return messages(checkTelemetrySelectorsIn(ctxOf([c]), c));
};

describe('checkTelemetrySelectorsIn', () => {
  it('fires IST0101 for a selector matching no pod of the namespace', () => {
    expect(run(pod('web-1', 'other', 'web') + telemetry('t', 'web'))).toEqual(['IST0101 Referenced selector not found: "app=web"']);
  });

  it('fires IST0159 for each Telemetry selecting the same pod', () => {
    expect(run(pod('web-1', 'shop', 'web') + telemetry('t2', 'web') + telemetry('t1', 'web'))).toEqual([
      'IST0159 The Telemetries [t1 t2] in namespace "shop" select the same workload pod "web-1", which can lead to undefined behavior.',
      'IST0159 The Telemetries [t1 t2] in namespace "shop" select the same workload pod "web-1", which can lead to undefined behavior.',
    ]);
  });

  it('is quiet for one Telemetry per pod, and for absence in an incomplete cluster', () => {
    expect(run(pod('web-1', 'shop', 'web') + telemetry('t', 'web'))).toEqual([]);
    expect(run(telemetry('t', 'web'), { complete: false })).toEqual([]);
  });

  it('finds the selected pods in another cluster of the mesh', () => {
    const config = clusterOf('a', telemetry('t', 'web'));
    const remote = clusterOf('b', pod('web-1', 'shop', 'web'));
    expect(checkTelemetrySelectorsIn(ctxOf([config, remote]), config)).toEqual([]);
  });
});
