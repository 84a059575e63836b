import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkGatewayApiCrdVersions, parseSemVer } from './gateway-api-crd-version';

const crd = (name: string, version?: string) => `---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${name}${version ? `, annotations: {gateway.networking.k8s.io/bundle-version: ${version}}` : ''}}
spec: {group: gateway.networking.k8s.io}
`;
const run = (yaml: string) => messages(checkGatewayApiCrdVersions(ctxOf([clusterOf('c', yaml)])));

describe('checkGatewayApiCrdVersions', () => {
  it('fires IST0176 for a Gateway API CRD older than Istio needs, a prerelease counting as its release', () => {
    expect(run(crd('tcproutes.gateway.networking.k8s.io', 'v1.5.2'))).toEqual([
      'IST0176 Gateway API CRD "tcproutes.gateway.networking.k8s.io" is at version "1.5.2" but Istio requires at least "1.6.0"; resources of this kind will not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version.',
    ]);
    expect(run(crd('grpcroutes.gateway.networking.k8s.io', 'v1.0.0-rc1'))).toHaveLength(1);
  });

  it('is quiet for new enough, unlisted, unannotated or unparsable CRDs', () => {
    expect(run(crd('tlsroutes.gateway.networking.k8s.io', 'v1.5.0-rc.1') + crd('httproutes.gateway.networking.k8s.io', 'v0.1.0')
      + crd('tcproutes.gateway.networking.k8s.io') + crd('backendtlspolicies.gateway.networking.k8s.io', 'latest'))).toEqual([]);
  });

  it('reads versions as semver prints them', () => {
    expect(parseSemVer('v1.4')?.text).toBe('1.4.0');
    expect(parseSemVer('1.4.1-rc.1+b2')).toEqual({ core: [1, 4, 1], text: '1.4.1-rc.1+b2' });
    expect(parseSemVer('1.x')).toBeUndefined();
  });
});
