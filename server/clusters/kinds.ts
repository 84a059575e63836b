import 'server-only';
import type {
  SlimConfigObject, SlimDeployment, SlimMeshConfig, SlimEndpointSlice, SlimNamespace, SlimNode, SlimPod, SlimResult, SlimRootCert, SlimSecretMeta, SlimService,
} from './records';
import { slimEndpointSlice, slimNamespace, slimNode, slimService } from './slim/core';
import { slimConfigObject, slimMeshConfig, slimRootCert, slimSecretMeta } from './slim/istio';
import { slimDeployment, slimPod } from './slim/workloads';

/** Which slot of the model a watched kind fills. */
export interface RecordsByRole {
  namespaces: SlimNamespace;
  services: SlimService;
  endpointslices: SlimEndpointSlice;
  pods: SlimPod;
  deployments: SlimDeployment;
  nodes: SlimNode;
  rootcerts: SlimRootCert;
  secrets: SlimSecretMeta;
  meshconfigs: SlimMeshConfig;
  config: SlimConfigObject;
}
export type Role = keyof RecordsByRole;
export type AnyRecord = RecordsByRole[Role];

/** One resource type a ClusterConnection lists and watches. */
export interface KindSpec<K extends Role = Role> {
  /** Unique per cluster: 'group/version/plural' ('core/v1/pods'). */
  id: string;
  role: K;
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Restricts the watch to one namespace (istio-system Secrets). */
  namespace?: string;
  fieldSelector?: string;
  labelSelector?: string;
  slim(o: unknown): SlimResult<RecordsByRole[K]>;
}

function builtin<K extends Role>(role: K, group: string, version: string, kind: string, plural: string, namespaced: boolean, slim: KindSpec<K>['slim'], extra: Partial<KindSpec<K>> = {}): KindSpec<K> {
  return { id: `${group || 'core'}/${version}/${plural}`, role, group, version, kind, plural, namespaced, slim, ...extra };
}

/** The built-in kinds every cluster is watched for. */
export function builtinKinds(istioNamespace = 'istio-system'): KindSpec[] {
  return [
    builtin('namespaces', '', 'v1', 'Namespace', 'namespaces', false, slimNamespace),
    builtin('services', '', 'v1', 'Service', 'services', true, slimService),
    builtin('endpointslices', 'discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true, slimEndpointSlice),
    builtin('pods', '', 'v1', 'Pod', 'pods', true, slimPod),
    builtin('deployments', 'apps', 'v1', 'Deployment', 'deployments', true, slimDeployment),
    builtin('nodes', '', 'v1', 'Node', 'nodes', false, slimNode),
    builtin('rootcerts', '', 'v1', 'ConfigMap', 'configmaps', true, slimRootCert, { id: 'core/v1/configmaps#istio-ca-root-cert', fieldSelector: 'metadata.name=istio-ca-root-cert' }),
    builtin('secrets', '', 'v1', 'Secret', 'secrets', true, slimSecretMeta, { namespace: istioNamespace }),
    builtin('meshconfigs', '', 'v1', 'ConfigMap', 'configmaps', true, slimMeshConfig, { id: `core/v1/configmaps#${istioNamespace}`, namespace: istioNamespace }),
  ] as KindSpec[];
}

/** The Kubernetes Gateway API group: istiod reads it for ingress, waypoints and mesh (GAMMA) routing. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** API groups whose kinds are watched as config objects when the cluster serves them (see discovery.ts). */
export const CONFIG_GROUPS: readonly string[] = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io', 'admiral.io', GATEWAY_API_GROUP];

/** A custom resource kind found by API discovery (Istio, Admiral or Gateway API). */
export function configKind(group: string, version: string, kind: string, plural: string, namespaced: boolean): KindSpec<'config'> {
  return builtin('config', group, version, kind, plural, namespaced, (o) => slimConfigObject(o, group, version, kind, namespaced));
}

/** REST path of a kind's collection ('/api/v1/pods', '/apis/apps/v1/namespaces/x/deployments'). */
export function collectionPath(spec: KindSpec): string {
  const base = spec.group === '' ? `/api/${spec.version}` : `/apis/${spec.group}/${spec.version}`;
  return spec.namespace ? `${base}/namespaces/${encodeURIComponent(spec.namespace)}/${spec.plural}` : `${base}/${spec.plural}`;
}

/** Key of a record inside its kind: 'namespace/name', or 'name' for cluster-scoped kinds. */
export function recordKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
