import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import type { Finding, ServicePortView, ServiceView } from '../../../types';
import { chunks, runUnits, type Unit } from '../../../units';

/** Service instances one unit compares at most (a host with more instances is a unit alone). */
const INSTANCES_PER_UNIT = 200;

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
  return runUnits(multiClusterServiceUnits(ctx));
}

/** IST0170 over the mesh's hosts in chunks of about INSTANCES_PER_UNIT service instances (reads meshServices(), built before). */
export function* multiClusterServiceUnits(ctx: AnalysisContext): Generator<Unit> {
  if (ctx.clusters.length < 2) return;
  const hosts = [...ctx.meshServices().values()].filter((e) => e.length >= 2);
  for (const part of chunks(hosts, (e) => e.length, INSTANCES_PER_UNIT)) {
    yield { run: () => part.flatMap(inconsistent) };
  }
}

/** The IST0170 finding for one host's instances, if they disagree. */
function inconsistent(entries: Array<{ cluster: string; service: ServiceView }>): Finding[] {
  const first = entries[0]!;
  const firstPorts = portsKey(first.service.ports);
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
    if (portsKey(e.service.ports) !== firstPorts) {
      bad.add(e.cluster);
      reasons.add('service ports are inconsistent');
    }
  }
  if (bad.size === 0) return [];
  bad.add(first.cluster);
  const clusters = [...bad].sort();
  const objects = entries.filter((e) => bad.has(e.cluster)).map((e) => ref(e.cluster, 'Service', e.service.namespace, e.service.name));
  return [istioFinding('IST0170', objects, [first.service.name, first.service.namespace, clusters, [...reasons].sort().join('; ')], 'Make the Service identical (type, ports, clusterIP mode) in every cluster of the mesh.')];
}
