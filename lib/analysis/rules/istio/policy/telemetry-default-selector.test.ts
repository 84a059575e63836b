import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkTelemetryDefaultSelectorsIn } from './telemetry-default-selector';

const telemetry = (name: string, ns: string, selector = '') => `---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: ${name}, namespace: ${ns}}
spec: {${selector}}
`;
const run = (yaml: string) => {
  const c = clusterOf('c', yaml);
  return messages(checkTelemetryDefaultSelectorsIn(ctxOf([c]), c));
};

describe('checkTelemetryDefaultSelectorsIn', () => {
  it('fires IST0160 for each of several selector-less Telemetries of a namespace', () => {
    expect(run(telemetry('b', 'shop') + telemetry('a', 'shop'))).toEqual([
      'IST0160 The Telemetries [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
      'IST0160 The Telemetries [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior.',
    ]);
  });

  it('is quiet for one per namespace, or when the others have selectors', () => {
    expect(run(telemetry('a', 'shop') + telemetry('a', 'other') + telemetry('b', 'shop', 'selector: {matchLabels: {app: web}}'))).toEqual([]);
  });
});
