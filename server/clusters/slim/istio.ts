import 'server-only';
import { X509Certificate, createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { SlimConfigObject, SlimMeshConfig, SlimResult, SlimRootCert, SlimSecretMeta } from '../records';
import { meta, num, obj, str, strMap } from './read';

/** Istio config objects larger than this are skipped and counted, so one absurd object cannot exhaust memory. */
export const MAX_CONFIG_BYTES = 256 * 1024;

const KEEP_ANNOTATIONS: ReadonlySet<string> = new Set([
  'networking.istio.io/cluster',
  'networking.istio.io/exportTo',
  'kubectl.kubernetes.io/last-applied-configuration-size',
  // Admiral's environment of a GlobalTrafficPolicy.
  'admiral.io/env',
]);

/** An Istio or Admiral custom resource: identity, labels and the spec, bounded in size. */
export function slimConfigObject(o: unknown, group: string, version: string, kind: string, namespaced: boolean): SlimResult<SlimConfigObject> {
  const md = meta(o, namespaced);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const labels = strMap(md.m.labels);
  if (!labels) return { ok: false, reason: 'metadata.labels is not a map' };
  const spec = root.spec ?? {};
  if (typeof spec !== 'object' || spec === null) return { ok: false, reason: 'spec is not an object' };
  const size = JSON.stringify(spec).length + (root.status ? JSON.stringify(root.status).length : 0);
  if (size > MAX_CONFIG_BYTES) return { ok: false, reason: `object of ${Math.round(size / 1024)} KiB exceeds ${MAX_CONFIG_BYTES / 1024} KiB`, oversized: true };
  return {
    ok: true,
    record: {
      group,
      version,
      kind,
      namespace: md.namespace,
      name: md.name,
      resourceVersion: str(md.m.resourceVersion),
      generation: num(md.m.generation),
      creationTimestamp: str(md.m.creationTimestamp),
      labels,
      annotations: strMap(md.m.annotations, KEEP_ANNOTATIONS) ?? {},
      spec,
      status: root.status ?? undefined,
    },
  };
}

/** SHA-256 fingerprint (AA:BB:...) and expiry of the first certificate in a PEM bundle. */
export function certificateSummary(pem: string): { fingerprint: string; notAfter: string; subject: string } {
  const cert = new X509Certificate(pem);
  const hex = createHash('sha256').update(cert.raw).digest('hex').toUpperCase();
  return { fingerprint: hex.match(/../g)!.join(':'), notAfter: new Date(cert.validTo).toISOString(), subject: cert.subject };
}

/** istio-ca-root-cert ConfigMap: the root certificate's fingerprint and expiry; the PEM itself is dropped. */
export function slimRootCert(o: unknown): SlimResult<SlimRootCert> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const pem = str(obj(obj(o)!.data)?.['root-cert.pem']);
  if (!pem) return { ok: true, record: { namespace: md.namespace, error: 'root-cert.pem missing' } };
  try {
    return { ok: true, record: { namespace: md.namespace, ...certificateSummary(pem) } };
  } catch (err) {
    return { ok: true, record: { namespace: md.namespace, error: `root-cert.pem unreadable: ${(err as Error).message}` } };
  }
}

/** An istio-system Secret reduced to metadata and data key names: credentials are never kept. */
export function slimSecretMeta(o: unknown): SlimResult<SlimSecretMeta> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  return {
    ok: true,
    record: {
      namespace: md.namespace,
      name: md.name,
      type: str(root.type) ?? 'Opaque',
      labels: strMap(md.m.labels) ?? {},
      annotations: strMap(md.m.annotations, new Set(['networking.istio.io/cluster'])) ?? {},
      dataKeys: Object.keys(obj(root.data) ?? {}).sort(),
    },
  };
}

/**
 * The MeshConfig fields Istio's analyzers read (ingress, providers, root
 * namespace, DNS auto-allocation under defaultConfig.proxyMetadata): small,
 * where a whole mesh config can be large.
 */
const ANALYSIS_MESH_FIELDS = ['ingressService', 'ingressControllerMode', 'ingressClass', 'rootNamespace', 'trustDomain', 'enableAutoMtls', 'extensionProviders', 'defaultProviders', 'outboundTrafficPolicy'];

function analysisSettings(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ANALYSIS_MESH_FIELDS) if (m[k] !== undefined) out[k] = m[k];
  const proxyMetadata = obj(obj(m.defaultConfig)?.proxyMetadata);
  if (proxyMetadata) out.defaultConfig = { proxyMetadata };
  return out;
}

/** An istio-system ConfigMap; mesh config maps keep meshId, trustDomain and the fields analysis reads. */
export function slimMeshConfig(o: unknown): SlimResult<SlimMeshConfig> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const rec: SlimMeshConfig = { namespace: md.namespace, name: md.name };
  const isMesh = md.name === 'istio' || md.name.startsWith('istio-');
  const mesh = isMesh ? str(obj(obj(o)!.data)?.mesh) : undefined;
  if (!mesh || mesh.length > 1024 * 1024) return { ok: true, record: rec };
  rec.revision = md.name === 'istio' ? 'default' : md.name.slice('istio-'.length);
  try {
    const m = obj(parseYaml(mesh));
    rec.meshId = str(obj(m?.defaultConfig)?.meshId) ?? str(m?.meshId);
    rec.trustDomain = str(m?.trustDomain);
    if (m) rec.settings = analysisSettings(m);
  } catch {
    // An unparsable mesh config leaves the mesh ID unknown; the rest still works.
  }
  return { ok: true, record: rec };
}
