import { parse as parseYaml } from 'yaml';
import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selects } from '../../../hosts';
import { meshConfigOf } from '../../../mesh-config';
import { obj, str, strings } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, KubeResource, PodView } from '../../../types';
import {
  INJECTION_LABEL, PROXY_CONTAINER, REVISION_LABEL, allContainersOf, has, injectorConfigMapName, injectorValues, isTemplatePod, podSpecOf, resourcesOfKind,
} from './kube';

/** The proxy image an injector ConfigMap injects: global.proxy.image when it is a full reference, else hub/image:tag. */
export function injectedProxyImage(cm: KubeResource): string {
  const values = injectorValues(cm);
  if (!values) return '';
  const global = obj(values.global) ?? {};
  const image = str(obj(global.proxy)?.image) ?? '';
  if (image.includes('/')) return image;
  return `${str(global.hub) ?? ''}/${image}:${str(global.tag) ?? ''}`;
}

function imageTypeOf(o: unknown): string {
  return str(obj(obj(o)?.image)?.imageType) ?? '';
}

/**
 * The image variant (distroless, ...) a pod's proxy gets: mesh defaultConfig,
 * then the root namespace's ProxyConfig, the pod namespace's, a workload
 * ProxyConfig selecting the pod, and the pod's proxy.istio.io/config annotation.
 */
function imageTypeResolver(ctx: AnalysisContext, c: ClusterView): (p: PodView) => string {
  const mesh = meshConfigOf(c);
  const rootNamespace = str(mesh.rootNamespace) ?? 'istio-system';
  let root: ConfigObject | undefined;
  const perNamespace = new Map<string, ConfigObject>();
  const workloads: Array<{ key: string; pc: ConfigObject }> = [];
  for (const pc of ctx.config(c, 'ProxyConfig')) {
    if (pc.namespace === rootNamespace) root = pc;
    else if (obj(pc.spec)?.selector === undefined) perNamespace.set(pc.namespace, pc);
    else workloads.push({ key: `${pc.namespace}/${pc.name}`, pc });
  }
  workloads.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return (p) => {
    let variant = imageTypeOf(mesh.defaultConfig);
    const override = (v: string) => {
      if (v !== '') variant = v;
    };
    override(imageTypeOf(root?.spec));
    override(imageTypeOf(perNamespace.get(p.namespace)?.spec));
    // Istio matches workload ProxyConfigs by a prefix of their "namespace/name" key.
    for (const w of workloads) {
      if (w.key.startsWith(p.namespace) && selects(strings(obj(obj(w.pc.spec)?.selector)?.matchLabels), p.labels)) override(imageTypeOf(w.pc.spec));
    }
    const annotation = p.annotations?.['proxy.istio.io/config'];
    if (annotation !== undefined) {
      try {
        override(imageTypeOf(parseYaml(annotation) as unknown));
      } catch {
        // An unreadable annotation leaves the variant as it was.
      }
    }
    return variant === 'default' ? '' : variant;
  };
}

/**
 * injection.ImageAnalyzer, IST0158: pods of an injection-enabled namespace
 * whose istio-proxy image is not the one the namespace's injector (by
 * revision) would inject now, reported once per namespace.
 */
export function checkInjectionImagesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const images = new Map<string, string>();
  for (const cm of resourcesOfKind(c, 'ConfigMap') ?? []) if (cm.name.startsWith('istio-sidecar-injector')) images.set(cm.name, injectedProxyImage(cm));
  if (images.size === 0) return [];
  const revisionOf = new Map<string, string>();
  for (const ns of c.namespaces) {
    if (has(ns.labels, REVISION_LABEL)) revisionOf.set(ns.name, ns.labels[REVISION_LABEL]!);
    else if (ns.labels[INJECTION_LABEL] === 'enabled') revisionOf.set(ns.name, 'default');
  }
  const imageType = imageTypeResolver(ctx, c);
  const mismatched = new Map<string, string[]>();
  for (const p of c.pods) {
    const revision = revisionOf.get(p.namespace);
    const spec = podSpecOf(p);
    if (revision === undefined || !spec || isTemplatePod(p)) continue;
    // A pod with its own proxy image bypasses the injector's choice.
    if (p.annotations?.['sidecar.istio.io/proxyImage']) continue;
    const expected = images.get(injectorConfigMapName(revision));
    if (expected === undefined) continue;
    const variant = imageType(p);
    for (const container of allContainersOf(spec)) {
      if (container.name !== PROXY_CONTAINER) continue;
      const image = str(container.image) ?? '';
      if (image !== expected && image !== `${expected}-${variant}`) mismatched.set(p.namespace, [...(mismatched.get(p.namespace) ?? []), p.name]);
    }
  }
  return [...mismatched].map(([ns, pods]) =>
    istioFinding('IST0158', [ref(c.name, 'Namespace', '', ns)], [[...pods].sort()], 'Restart the listed pods (kubectl rollout restart) so they get the current proxy image.'));
}
