import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import type { ClusterView, DeploymentView, Finding, NamespaceView, ServiceView } from '../../../types';
import {
  GATEWAY_MANAGED_LABEL, INJECTION_LABEL, SIDECAR_INJECT, WAYPOINT_CONTROLLER, containersOf, has, isDeployment, namespacesByName, proxyImageOf, templateOf, type PodTemplate,
} from './kube';

/**
 * Whether a Deployment's pods are in the sidecar mesh, as Istio decides it:
 * a proxy container in the template, else the template's inject label, else
 * its inject annotation, else istio-injection=enabled on the namespace.
 */
function inMesh(t: PodTemplate, ns: NamespaceView | undefined): boolean {
  if (proxyImageOf(containersOf(t.spec)) !== '') return true;
  if (has(t.labels, SIDECAR_INJECT)) return t.labels[SIDECAR_INJECT] === 'true';
  if (has(t.annotations, SIDECAR_INJECT)) return t.annotations[SIDECAR_INJECT] === 'true';
  return ns?.labels[INJECTION_LABEL] === 'enabled';
}

/** Services of the Deployment's namespace whose (non-empty) selector matches its pod template. */
function servicesOf(d: DeploymentView, t: PodTemplate, services: readonly ServiceView[]): ServiceView[] {
  return services.filter((s) => {
    const selector = Object.entries(s.selector ?? {});
    return s.namespace === d.namespace && selector.length > 0 && selector.every(([k, v]) => t.labels[k] === v);
  });
}

const fullName = (s: ServiceView) => `${s.namespace}/${s.name}`;

/** IST0116: one port number that the Deployment's Services expose with different protocols. */
function protocolConflicts(c: ClusterView, d: DeploymentView, svcs: readonly ServiceView[]): Finding[] {
  const byPort = new Map<number, Map<string, string[]>>();
  for (const s of svcs) {
    for (const p of s.ports) {
      const protocols = byPort.get(p.port) ?? new Map<string, string[]>();
      byPort.set(p.port, protocols);
      const protocol = p.protocol || 'TCP';
      protocols.set(protocol, [...(protocols.get(protocol) ?? []), fullName(s)]);
    }
  }
  const out: Finding[] = [];
  for (const [port, protocols] of byPort) {
    if (protocols.size < 2) continue;
    const names = [...protocols.values()].flat().sort();
    out.push(istioFinding('IST0116', [ref(c.name, 'Deployment', d.namespace, d.name)], [d.name, port, names], 'Give the port one protocol in every Service selecting this Deployment, or use different port numbers.'));
  }
  return out;
}

/** IST0137: one target port that the Deployment's Services reach from different ports. */
function targetPortConflicts(c: ClusterView, d: DeploymentView, svcs: readonly ServiceView[]): Finding[] {
  const byTarget = new Map<string, Map<number, string>>();
  for (const s of svcs) {
    for (const p of s.ports) {
      // An unset target port is the port itself.
      const raw = p.targetPort === undefined ? '' : String(p.targetPort);
      const target = raw === '' || raw === '0' ? String(p.port) : raw;
      const ports = byTarget.get(target) ?? new Map<number, string>();
      byTarget.set(target, ports);
      ports.set(p.port, fullName(s));
    }
  }
  const out: Finding[] = [];
  for (const [target, ports] of byTarget) {
    if (ports.size < 2) continue;
    const names = [...ports.values()].sort();
    const numbers = [...ports.keys()].sort((a, b) => a - b);
    out.push(istioFinding('IST0137', [ref(c.name, 'Deployment', d.namespace, d.name)], [d.name, names, target, numbers], 'Expose the target port through one Service port number in every Service selecting this Deployment.'));
  }
  return out;
}

/**
 * deployment.ServiceAssociationAnalyzer: for Deployments in the sidecar mesh
 * (waypoints excluded), the Services selecting their pods must not put two
 * protocols on one port (IST0116) nor two ports on one target port (IST0137).
 */
export function checkServiceAssociationIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const namespaces = namespacesByName(c);
  const candidates: Array<{ d: DeploymentView; t: PodTemplate }> = [];
  for (const d of c.deployments) {
    const t = templateOf(d);
    if (t && isDeployment(d) && d.labels[GATEWAY_MANAGED_LABEL] !== WAYPOINT_CONTROLLER && inMesh(t, namespaces.get(d.namespace))) candidates.push({ d, t });
  }
  // The fleet keeps no Deployment specs: nothing to match, so its Services are not read.
  if (candidates.length === 0) return [];
  const services = [...c.services];
  return candidates.flatMap(({ d, t }) => {
    const svcs = servicesOf(d, t, services);
    return [...protocolConflicts(c, d, svcs), ...targetPortConflicts(c, d, svcs)];
  });
}
