import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkTelemetryProvidersIn } from './telemetry-providers';

const telemetry = `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: logs, namespace: shop}
spec:
  accessLogging: [{providers: [{name: envoy}]}, {filter: {expression: "response.code >= 500"}}, {disabled: true}]
`;
const run = (meshConfig?: Record<string, unknown>) => {
  const c = clusterOf('c', telemetry, { meshConfig });
  return messages(checkTelemetryProvidersIn(ctxOf([c]), c));
};

describe('checkTelemetryProvidersIn', () => {
  it('fires IST0157 for an access logging entry without provider when the mesh has no default', () => {
    expect(run({})).toEqual(['IST0157 The Telemetry logs in namespace "shop" with empty providers will be ignored.']);
  });

  it('is quiet with a default access log provider, or without a mesh config to tell', () => {
    expect(run({ defaultProviders: { accessLogging: ['envoy'] } })).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });
});
