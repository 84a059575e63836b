import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { selects, serviceOfFqdn, toFqdn } from '../../hosts';
import { endpointLabels, nodeIndex, podsCarry, TOPOLOGY_LABELS } from '../../pod-labels';
import { list, obj, str, strings } from '../../spec';
import type { Finding } from '../../types';

/**
 * MG0017: a DestinationRule subset that selects pods in some clusters running
 * the service but not in others; its traffic always leaves those clusters.
 * Subsets pinned to a location on purpose (topology labels) are left alone.
 */
export function checkSubsetSpread(ctx: AnalysisContext): Finding[] {
  if (ctx.clusters.length < 2 || !ctx.clusters.every((c) => c.complete)) return [];
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const c of ctx.clusters) {
    for (const dr of ctx.config(c, 'DestinationRule')) {
      const fqdn = toFqdn(dr.namespace, str(obj(dr.spec)?.host) ?? '');
      const svc = serviceOfFqdn(fqdn);
      const instances = ctx.meshServices().get(fqdn);
      if (!svc || !instances) continue;
      // Per cluster running the service: the endpoint labels of its pods.
      const running = new Map<string, Array<Record<string, string>>>();
      for (const { cluster, service } of instances) {
        const cv = ctx.clusters.find((x) => x.name === cluster)!;
        if (!service.selector || !podsCarry(cv, Object.keys(service.selector))) continue;
        const nodes = nodeIndex(cv);
        const pods = [...cv.pods].filter((p) => p.namespace === svc.namespace && selects(service.selector, p.labels)).map((p) => endpointLabels(cv, p, nodes));
        if (pods.length) running.set(cluster, pods);
      }
      if (running.size < 2) continue;
      for (const s of list(obj(dr.spec)?.subsets)) {
        const name = str(obj(s)?.name) ?? '';
        const labels = strings(obj(s)?.labels);
        const key = `${fqdn}|${name}`;
        if (done.has(key) || Object.keys(labels).some((k) => TOPOLOGY_LABELS.has(k))) continue;
        if (!ctx.clusters.every((x) => podsCarry(x, Object.keys(labels)))) continue;
        done.add(key);
        const has = [...running].filter(([, pods]) => pods.some((p) => selects(labels, p))).map(([cl]) => cl);
        const lacking = [...running.keys()].filter((cl) => !has.includes(cl));
        if (has.length === 0 || lacking.length === 0) continue;
        out.push(meshFinding('MG0017', lacking.map((cl) => ref(cl, 'Service', svc.namespace, svc.name)).concat(ref(c.name, 'DestinationRule', dr.namespace, dr.name)), `Subset ${name} of ${fqdn} selects pods only in ${has.join(', ')}; ${lacking.join(', ')} run${lacking.length === 1 ? 's' : ''} the service without it, so requests for ${name} from there always cross clusters.`, { clusters: has }));
      }
    }
  }
  return out;
}
