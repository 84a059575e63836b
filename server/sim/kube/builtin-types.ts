/** The built-in resource types every simulated cluster serves. */
import type { ResourceType } from './types';

/** Core v1, apps/v1, discovery.k8s.io/v1 and apiextensions.k8s.io/v1 types Meshglass reads. */
export function builtinTypes(): ResourceType[] {
  const core = (kind: string, plural: string, namespaced: boolean, shortNames?: string[], subresources?: string[]): ResourceType => ({
    group: '',
    version: 'v1',
    kind,
    plural,
    namespaced,
    shortNames,
    subresources,
  });
  return [
    core('Namespace', 'namespaces', false, ['ns'], ['status']),
    core('Service', 'services', true, ['svc'], ['status']),
    core('Endpoints', 'endpoints', true, ['ep']),
    core('Pod', 'pods', true, ['po'], ['status', 'portforward']),
    core('ConfigMap', 'configmaps', true, ['cm']),
    core('Secret', 'secrets', true),
    core('Node', 'nodes', false, ['no'], ['status']),
    core('ServiceAccount', 'serviceaccounts', true, ['sa']),
    { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, shortNames: ['deploy'], subresources: ['status'] },
    // ztunnel runs as a DaemonSet in ambient clusters.
    { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, shortNames: ['ds'], subresources: ['status'] },
    { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices', namespaced: true },
    {
      group: 'apiextensions.k8s.io',
      version: 'v1',
      kind: 'CustomResourceDefinition',
      plural: 'customresourcedefinitions',
      namespaced: false,
      shortNames: ['crd', 'crds'],
      subresources: ['status'],
    },
  ];
}

/** `apps/v1` from group and version; `v1` for core. */
export const apiVersionOf = (group: string, version: string): string => (group ? `${group}/${version}` : version);

/** Splits an apiVersion into group and version (`v1` -> ['', 'v1']). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
