import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import type { Finding, ServicePortView, ServiceView } from '../../types';

function portsKey(ports: ServicePortView[]): string {
  const norm = ports
    .map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol || 'TCP', targetPort: p.targetPort === undefined ? '' : String(p.targetPort), appProtocol: p.appProtocol ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.port - b.port);
  return JSON.stringify(norm);
}

const headless = (s: ServiceView) => s.clusterIP === 'None';

/**
 * IST0170: one service (same namespace and name) in several clusters of a
 * mesh must agree on type, ports, and headless or not; istiod merges them
 * into one host and picks one definition.
 */
export function checkMultiClusterServices(ctx: AnalysisContext): Finding[] {
  if (ctx.clusters.length < 2) return [];
  const out: Finding[] = [];
  for (const entries of ctx.meshServices().values()) {
    if (entries.length < 2) continue;
    const first = entries[0]!;
    const bad = new Set<string>();
    const reasons = new Set<string>();
    for (const e of entries) {
      if (headless(e.service) !== headless(first.service)) {
        for (const x of entries) bad.add(x.cluster);
        reasons.add('service has mixed mode like headless and clusterIP');
      }
      if (e.service.type !== first.service.type) {
        bad.add(e.cluster);
        reasons.add('service type is inconsistent');
      }
      if (portsKey(e.service.ports) !== portsKey(first.service.ports)) {
        bad.add(e.cluster);
        reasons.add('service ports are inconsistent');
      }
    }
    if (bad.size === 0) continue;
    bad.add(first.cluster);
    const clusters = [...bad].sort();
    const objects = entries.filter((e) => bad.has(e.cluster)).map((e) => ref(e.cluster, 'Service', e.service.namespace, e.service.name));
    out.push(istioFinding('IST0170', objects, [first.service.name, first.service.namespace, clusters, [...reasons].sort().join('; ')], 'Make the Service identical (type, ports, clusterIP mode) in every cluster of the mesh.'));
  }
  return out;
}
