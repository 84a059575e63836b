/** Reads the vendored Istio and Admiral sample YAML (server/vendor) and turns it into fleet specs. */
import { vendorPath } from '../../vendor/vendor-path';
import type { KubeObject } from '../kube/types';
import { loadManifestFile } from '../kube/yaml-loader';
import type { PortSpec, ServiceSpec, WorkloadSpec } from './types';

const cache = new Map<string, KubeObject[]>();

/** All non-empty YAML documents of a vendored file, as objects (cached; callers get copies). */
export function loadVendoredYaml(...parts: string[]): KubeObject[] {
  const path = vendorPath(...parts);
  let docs = cache.get(path);
  if (!docs) {
    docs = loadManifestFile(path);
    cache.set(path, docs);
  }
  return structuredClone(docs);
}

/** A sample Service turned into a ServiceSpec placed in `namespace` in the given clusters. */
export function serviceSpecFrom(obj: KubeObject, namespace: string, clusters: string[]): ServiceSpec {
  const spec = obj.spec as { ports: Array<{ name: string; port: number; targetPort?: number }>; selector: Record<string, string> };
  return {
    name: obj.metadata.name,
    namespace,
    clusters,
    labels: obj.metadata.labels ?? {},
    selector: spec.selector,
    ports: spec.ports.map((p): PortSpec => ({ name: p.name, port: p.port, ...(typeof p.targetPort === 'number' ? { targetPort: p.targetPort } : {}) })),
  };
}

interface SampleDeployment {
  spec: {
    template: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: { serviceAccountName?: string; containers: Array<{ image: string; ports?: Array<{ containerPort: number }> }> };
    };
  };
}

/** A sample Deployment turned into a WorkloadSpec in one cluster. */
export function workloadSpecFrom(obj: KubeObject, cluster: string, namespace: string, replicas = 1): WorkloadSpec {
  const tpl = (obj as unknown as SampleDeployment).spec.template;
  const main = tpl.spec.containers[0];
  return {
    cluster,
    namespace,
    name: obj.metadata.name,
    labels: { ...tpl.metadata.labels },
    replicas,
    serviceAccount: tpl.spec.serviceAccountName ?? 'default',
    image: main?.image ?? 'busybox',
    containerPorts: (main?.ports ?? []).map((p) => p.containerPort),
    ...(tpl.metadata.annotations ? { podAnnotations: { ...tpl.metadata.annotations } } : {}),
  };
}

/** Objects of one kind from a sample file. */
export function sampleObjects(kind: string, ...parts: string[]): KubeObject[] {
  return loadVendoredYaml(...parts).filter((o) => o.kind === kind);
}
