/**
 * The keys of fleet change events (`FleetChange.keys`), built and read in
 * one place. A key names what changed, most general part first, so a prefix
 * names everything under it (`config/us-east-1` is every config object of
 * us-east-1); the change feed cuts keys to prefixes when a change is large.
 *
 * | key | what changed |
 * |---|---|
 * | `clusters/<cluster>` | the cluster's state, nodes, secrets, mesh config, gateways |
 * | `controlplanes/<cluster>`, `proxies/<cluster>` | istiod polls, root certificates, proxy sync |
 * | `namespaces/<cluster>/<ns>` | a namespace |
 * | `workloads/<cluster>/<ns>/<workload>` | pods or a Deployment of a workload |
 * | `config/<cluster>/<group or core>/<kind>/<ns or ->/<name>` | an Istio, Gateway API or Admiral object |
 * | `services/<ns>/<name>` | a global service (Service, EndpointSlice or ServiceEntry in any cluster) |
 * | `identities/<global name>` | an Admiral identity |
 * | `meshes`, `networks`, `sources` | derived fleet structure, the cluster sources |
 * | `changes` | new entries in the change history |
 */

const CLUSTER_KINDS = ['clusters', 'controlplanes', 'proxies', 'namespaces', 'workloads', 'config'] as const;
type ClusterKind = (typeof CLUSTER_KINDS)[number];

/** A change key, read. Absent fields: the key is a prefix that stops before them. */
export type ChangeKey =
  | { kind: ClusterKind; cluster?: string; namespace?: string; name?: string; group?: string; configKind?: string }
  | { kind: 'services'; namespace?: string; name?: string }
  | { kind: 'identities'; name?: string }
  | { kind: 'meshes' | 'networks' | 'sources' }
  | { kind: 'other'; key: string };

/** Builders: every key the server emits comes from these. */
export const changeKeys = {
  cluster: (cluster: string) => `clusters/${cluster}`,
  controlPlanes: (cluster: string) => `controlplanes/${cluster}`,
  proxies: (cluster: string) => `proxies/${cluster}`,
  namespace: (cluster: string, namespace: string) => `namespaces/${cluster}/${namespace}`,
  workload: (cluster: string, namespace: string, workload: string) => `workloads/${cluster}/${namespace}/${workload}`,
  config: (cluster: string, o: { group: string; kind: string; namespace: string; name: string }) => `config/${cluster}/${o.group || 'core'}/${o.kind}/${o.namespace || '-'}/${o.name}`,
  service: (namespace: string, name: string) => `services/${namespace}/${name}`,
  identity: (globalName: string) => `identities/${globalName}`,
  /** Every key of a cluster's own kinds, for a cluster that comes or goes. */
  wholeCluster: (cluster: string) => CLUSTER_KINDS.filter((k) => k !== 'namespaces').map((k) => `${k}/${cluster}`),
  meshes: 'meshes',
  networks: 'networks',
  sources: 'sources',
  identities: 'identities',
  services: 'services',
  changes: 'changes',
} as const;

const isClusterKind = (k: string): k is ClusterKind => (CLUSTER_KINDS as readonly string[]).includes(k);

/** Reads a key or a prefix of one. Unknown kinds come back as `other`. */
export function parseChangeKey(key: string): ChangeKey {
  const [kind = '', ...rest] = key.split('/');
  if (isClusterKind(kind)) {
    const [cluster, a, b, c, d] = rest;
    if (kind === 'config') return { kind, cluster, group: a, configKind: b, namespace: c === '-' ? undefined : c, name: d };
    if (kind === 'namespaces') return { kind, cluster, namespace: a };
    if (kind === 'workloads') return { kind, cluster, namespace: a, name: b };
    return { kind, cluster };
  }
  if (kind === 'services') return { kind, namespace: rest[0], name: rest[1] };
  if (kind === 'identities') return { kind, name: rest.length ? rest.join('/') : undefined };
  if (kind === 'meshes' || kind === 'networks' || kind === 'sources') return { kind };
  return { kind: 'other', key };
}
