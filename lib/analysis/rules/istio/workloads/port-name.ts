import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import type { ClusterView, Finding, ServicePortView, ServiceView } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { GATEWAY_MANAGED_LABEL, IGNORED_NAMESPACES, isIstioControlPlane } from './kube';

/** Protocol names Istio parses from a port name prefix or appProtocol (protocol.Parse). */
const PROTOCOLS = new Set(['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql']);
/** Kubernetes' own appProtocol names Istio understands. */
const KUBERNETES_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);
/** SMTP, DNS, MySQL, MongoDB: Istio takes these ports as TCP whatever their name. */
const WELL_KNOWN_PORTS = new Set([25, 53, 3306, 27017]);
/** gateway.istio.io/managed values of Services Istio's gateway controllers create. */
const MANAGED_BY_ISTIO = new Set(['istio.io-gateway-controller', 'istio.io-mesh-controller', 'istio.io-eastwest-controller']);

/** Whether Istio can tell the port's protocol without sniffing (kube.ConvertProtocol is not Unsupported). */
export function portProtocolKnown(p: ServicePortView): boolean {
  if (p.protocol === 'UDP') return true;
  // appProtocol, when set, replaces the port name.
  const name = p.appProtocol ?? p.name ?? '';
  if (p.appProtocol !== undefined && KUBERNETES_APP_PROTOCOLS.has(name)) return true;
  if (name.slice(0, 'grpc-web'.length).toLowerCase() === 'grpc-web') return true;
  const dash = name.indexOf('-');
  if (PROTOCOLS.has((dash >= 0 ? name.slice(0, dash) : name).toLowerCase())) return true;
  return WELL_KNOWN_PORTS.has(p.port);
}

/** Services Istio's own controllers made (gateways, waypoints): users do not name their ports. */
function managedByIstio(s: ServiceView): boolean {
  return MANAGED_BY_ISTIO.has(s.labels[GATEWAY_MANAGED_LABEL] ?? '');
}

/** IST0118 and IST0150 over the mesh, a cluster at a time. */
export function checkPortNames(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkPortNamesIn));
}

/**
 * service.PortNameAnalyzer: IST0118 for a port whose name (or appProtocol)
 * names no protocol; on an ExternalName Service, IST0150 instead, for such a
 * port or one named plain `tcp`. Control-plane and Istio-managed Services and
 * system namespaces are skipped.
 */
export function checkPortNamesIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const s of c.services) {
    if (IGNORED_NAMESPACES.has(s.namespace) || isIstioControlPlane(s.labels) || managedByIstio(s)) continue;
    const at = [ref(c.name, 'Service', s.namespace, s.name)];
    if (s.type === 'ExternalName') {
      // The message names no port: Istio reports it once per Service.
      if (s.ports.some((p) => !portProtocolKnown(p) || p.name === 'tcp')) out.push(istioFinding('IST0150', at, [], 'Name the ExternalName Service port after its protocol (https, tls, http-web), not tcp.'));
      continue;
    }
    for (const p of s.ports) {
      if (!portProtocolKnown(p)) out.push(istioFinding('IST0118', at, [p.name ?? '', p.port, String(p.targetPort ?? 0)], 'Name the port <protocol>[-<suffix>] (http-web, grpc, tcp-db) or set appProtocol.'));
    }
  }
  return out;
}
