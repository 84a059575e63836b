import 'server-only';
import { builtinKinds, CONFIG_GROUPS, configKind, recordKey, type KindSpec } from '../clusters/kinds';
import { FleetModel } from '../fleet/model';
import { buildCluster, FleetIndex } from '../sim/fleet/build-cluster';
import { generatedFleet, type GeneratedFleetOptions } from '../sim/fleet/generated-fleet';
import type { KubeObject } from '../sim/kube/types';
import { createCa } from '../sim/pki';

/**
 * Test and benchmark support: a fleet model of the simulator's generated
 * fleet, its objects slimmed and applied as the watches would, optionally
 * with Istio config that gives findings of many rules in every cluster.
 */
export interface GeneratedModel {
  model: FleetModel;
  /** The kind spec a watch would use for an object (undefined: not watched). */
  specFor(o: KubeObject): KindSpec | undefined;
  /** Slims and applies one object to a cluster, as a watch event would. */
  apply(cluster: string, o: KubeObject): void;
}

const builtin = builtinKinds();

/** Config objects with problems (IST0101, 0108, 0118, 0128, 0130/0131, 0132, 0145, 0170, 0173, 0174) for cluster number i. */
export function problemObjects(i: number, services: Array<{ name: string; namespace: string }>): KubeObject[] {
  const s = services[i % services.length]!;
  const ns = s.namespace;
  const host = `${s.name}.${ns}.svc.cluster.local`;
  const vs = (name: string, spec: unknown): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: ns }, spec } as KubeObject);
  const dr = (name: string, spec: unknown): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace: ns }, spec } as KubeObject);
  const gw = (name: string): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name, namespace: ns }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] }] } } as KubeObject);
  const out: KubeObject[] = [
    vs(`missing-${i}`, { hosts: [s.name], http: [{ route: [{ destination: { host: `nope-${i % 3}` } }] }] }),
    vs(`dup-${i}`, { hosts: [`${s.name}-dup`], http: [{ match: [{ uri: { prefix: '/a' } }], route: [{ destination: { host } }] }, { match: [{ uri: { prefix: '/a' } }], route: [{ destination: { host } }] }, { route: [{ destination: { host } }] }, { route: [{ destination: { host } }] }] }),
    vs(`gw-${i}`, { hosts: ['other.example.com'], gateways: ['no-such-gateway'], http: [{ route: [{ destination: { host, port: { number: 9999 } } }] }] }),
    dr(`subsets-${i}`, { host, subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v9', labels: { version: 'v9' } }] }),
    dr(`tls-${i}`, { host, trafficPolicy: { tls: { mode: 'SIMPLE' } } }),
    dr(`ghost-${i}`, { host: `ghost-${i % 4}` }),
  ];
  if (i % 2 === 0) out.push(gw(`gw-a-${i}`), gw(`gw-b-${i}`));
  if (i % 3 === 0) {
    // Ports that differ from the other clusters' (IST0170) and name no protocol (IST0118); an unknown annotation (IST0108).
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: s.name, namespace: ns, labels: { app: s.name }, annotations: { 'sidecar.istio.io/bogus': 'x' } }, spec: { type: 'ClusterIP', clusterIP: '10.99.0.1', selector: { app: s.name }, ports: [{ name: 'web', port: 8080, protocol: 'TCP', targetPort: 8080 }, { name: 'admin', port: 9090, protocol: 'TCP', targetPort: 9090 }] } } as KubeObject);
  }
  return out;
}

const customKinds = new Map<string, KindSpec>();

/** The kind spec a watch would have used for an object (undefined: not watched). */
export function watchedKindFor(o: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): KindSpec | undefined {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') as [string, string] : ['', o.apiVersion];
  if (o.kind === 'ConfigMap') return builtin.find((k) => (o.metadata.name === 'istio-ca-root-cert' ? k.role === 'rootcerts' : k.role === 'meshconfigs' && o.metadata.namespace === 'istio-system'));
  const b = builtin.find((k) => k.kind === o.kind && k.group === group && k.role !== 'rootcerts' && k.role !== 'meshconfigs');
  if (b) return b.namespace && b.namespace !== o.metadata.namespace ? undefined : b;
  // The groups discovery watches (Istio's, Admiral's, the Gateway API's), as a cluster would.
  if (!CONFIG_GROUPS.includes(group)) return undefined;
  const id = `${group}/${version}/${o.kind}`;
  // GatewayClass is the one cluster-scoped kind of those groups the simulator serves.
  if (!customKinds.has(id)) customKinds.set(id, configKind(group, version, o.kind, `${o.kind.toLowerCase()}s`, o.kind !== 'GatewayClass'));
  return customKinds.get(id);
}

/** A fleet model of `generatedFleet(opts)`; with `problems`, every cluster also holds problemObjects(i). */
export function generatedModel(opts: GeneratedFleetOptions & { problems?: boolean }): GeneratedModel {
  const spec = generatedFleet(opts);
  const specFor = watchedKindFor;
  const ok = { condition: () => ({ phase: 'ok' as const, reason: '', syncedKinds: 1, totalKinds: 1, forbiddenKinds: [], dataAgeSeconds: 0 }), skipped: () => ({ count: 0, oversized: 0 }), kubernetesVersion: () => undefined };
  const model = new FleetModel();
  const apply = (cluster: string, o: KubeObject) => {
    const k = specFor(o);
    if (!k) return;
    const r = k.slim(o);
    if (r.ok) model.apply(cluster, k, recordKey(k.namespaced ? o.metadata.namespace : undefined, o.metadata.name), r.record);
  };
  const roots: Record<string, string> = {};
  for (const m of spec.meshes) roots[m.rootId] ??= createCa(`${m.id} root`).certPem;
  const apiCaPem = createCa('api').certPem;
  const services = spec.services.map((s) => ({ name: s.name, namespace: s.namespace }));
  const index = new FleetIndex(spec);
  for (const [i, c] of spec.clusters.entries()) {
    const built = buildCluster(index, c.name, { roots, apiCaPem });
    model.upsertCluster({ name: c.name, displayName: c.name, source: 'generated' }, ok);
    for (const o of [...built.objects, ...built.pods.map((p) => p.object)]) apply(c.name, o);
    if (opts.problems) for (const o of problemObjects(i, services)) apply(c.name, o);
  }
  model.feed.flush();
  return { model, specFor, apply };
}
