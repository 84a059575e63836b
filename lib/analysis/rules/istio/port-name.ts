import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import type { ClusterView, Finding, ServicePortView, ServiceView } from '../../types';
import { clusterUnits, runUnits } from '../../units';

/** Protocols Istio recognises from a port name prefix or appProtocol. */
const PROTOCOLS = new Set(['http', 'http2', 'https', 'grpc', 'grpc-web', 'tcp', 'tls', 'mongo', 'mysql', 'redis', 'udp', 'h2c', 'ws', 'wss']);
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);
const CONTROL_PLANE = new Set(['pilot', 'ingressgateway', 'egressgateway', 'eastwestgateway']);

/** Whether Istio can tell the port's protocol without sniffing. */
export function portProtocolKnown(p: ServicePortView): boolean {
  if (p.protocol.toUpperCase() === 'UDP') return true;
  const app = p.appProtocol?.toLowerCase().replace(/^kubernetes\.io\//, '');
  if (app && PROTOCOLS.has(app)) return true;
  const name = (p.name ?? '').toLowerCase();
  if (PROTOCOLS.has(name)) return true;
  const dash = name.indexOf('-');
  // 'grpc-web' is itself a protocol; 'grpc-web-x' is grpc-web with a suffix.
  if (name.startsWith('grpc-web-')) return true;
  return dash > 0 && PROTOCOLS.has(name.slice(0, dash));
}

function isControlPlane(s: ServiceView): boolean {
  return s.labels.app === 'istiod' || CONTROL_PLANE.has(s.labels.istio ?? '');
}

/** IST0118: Service ports whose name (or appProtocol) does not say the protocol, outside system namespaces. */
export function checkPortNames(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkPortNamesIn));
}

/** IST0118 in one cluster. */
export function checkPortNamesIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const s of c.services) {
    if (SYSTEM_NAMESPACES.has(s.namespace) || isControlPlane(s) || s.type === 'ExternalName') continue;
    for (const p of s.ports) {
      if (portProtocolKnown(p)) continue;
      out.push(istioFinding('IST0118', [ref(c.name, 'Service', s.namespace, s.name)], [p.name ?? '', p.port, String(p.targetPort ?? 0)], 'Name the port <protocol>[-<suffix>] (http-web, grpc, tcp-db) or set appProtocol.'));
    }
  }
  return out;
}
