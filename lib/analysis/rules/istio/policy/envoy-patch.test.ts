import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf } from '../../../test-helpers';
import { checkEnvoyPatchesIn } from './envoy-patch';

const filter = (name: string, patches: string, priority = '') => `---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: ${name}, namespace: app}
spec:
  ${priority}
  configPatches: ${patches}
`;
const codes = (yaml: string) => {
  const c = clusterOf('c', yaml);
  return checkEnvoyPatchesIn(ctxOf([c]), c).map((f) => `${f.code} ${f.objects[0]!.name}`);
};

describe('checkEnvoyPatchesIn', () => {
  it('fires IST0152, IST0153, IST0154 for operations that do not fit their target', () => {
    expect(codes(filter('rep', '[{applyTo: CLUSTER, patch: {operation: REPLACE, value: {name: c}}}]'))).toEqual(['IST0152 rep']);
    expect(codes(filter('add', '[{applyTo: HTTP_ROUTE, patch: {operation: ADD, value: {name: r}}}]'))).toEqual(['IST0153 add']);
    expect(codes(filter('rm', '[{applyTo: ROUTE_CONFIGURATION, patch: {operation: REMOVE}}]'))).toEqual(['IST0154 rm']);
  });

  it('fires IST0151 for a relative operation without priority, IST0155 when a proxyVersion patch targets the same', () => {
    expect(codes(filter('ins', '[{applyTo: HTTP_FILTER, patch: {operation: INSERT_BEFORE, value: {name: lua}}}]'))).toEqual(['IST0151 ins']);
    const versioned = filter('v1', '[{applyTo: HTTP_FILTER, match: {proxy: {proxyVersion: "^1\\\\.2.*"}}, patch: {operation: ADD, value: {name: lua}}}]');
    expect(codes(versioned + filter('v2', '[{applyTo: HTTP_FILTER, patch: {operation: INSERT_AFTER, value: {name: lua}}}]'))).toEqual(['IST0155 v2']);
  });

  it('is quiet with a priority, for absolute operations, and after a patch without patch section', () => {
    expect(codes(filter('p', '[{applyTo: HTTP_FILTER, patch: {operation: INSERT_BEFORE, value: {name: lua}}}]', 'priority: 10'))).toEqual([]);
    expect(codes(filter('abs', '[{applyTo: HTTP_FILTER, patch: {operation: INSERT_FIRST, value: {name: lua}}}, {applyTo: CLUSTER, patch: {operation: ADD, value: {name: c}}}, {applyTo: VIRTUAL_HOST, patch: {operation: MERGE}}]'))).toEqual([]);
    expect(codes(filter('stop', '[{applyTo: NETWORK_FILTER, patch: null}, {applyTo: NETWORK_FILTER, patch: {operation: REMOVE}}]'))).toEqual([]);
  });
});
