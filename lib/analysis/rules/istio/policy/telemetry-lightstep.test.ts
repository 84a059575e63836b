import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkLightstepProvidersIn } from './telemetry-lightstep';

const telemetry = `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: traces, namespace: istio-system}
spec: {tracing: [{providers: [{name: ls}]}]}
`;
const run = (provider: Record<string, unknown>) => {
  const c = clusterOf('c', telemetry, { meshConfig: { extensionProviders: [{ name: 'ls', ...provider }] } });
  return messages(checkLightstepProvidersIn(ctxOf([c]), c));
};

describe('checkLightstepProvidersIn', () => {
  it('fires IST0002 for tracing to a Lightstep provider', () => {
    expect(run({ lightstep: { service: 'ls.monitoring', port: 443 } })).toEqual(['IST0002 Deprecated: The Lightstep provider ls is deprecated, please migrate to OpenTelemetry provider.']);
  });

  it('is quiet for another kind of provider of that name', () => {
    expect(run({ opentelemetry: { service: 'otel.monitoring', port: 4317 } })).toEqual([]);
  });
});
