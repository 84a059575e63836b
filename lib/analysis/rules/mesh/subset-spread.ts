import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { selects, serviceOfFqdn, toFqdn } from '../../hosts';
import { podsCarry, TOPOLOGY_LABELS } from '../../pod-labels';
import { list, obj, str, strings } from '../../spec';
import type { Finding } from '../../types';
import { runUnits, type Unit } from '../../units';

/**
 * MG0017: a DestinationRule subset that selects pods in some clusters running
 * the service but not in others; its traffic always leaves those clusters.
 * Subsets pinned to a location on purpose (topology labels) are left alone.
 */
export function checkSubsetSpread(ctx: AnalysisContext): Finding[] {
  return runUnits(subsetSpreadUnits(ctx));
}

/**
 * MG0017 a cluster's DestinationRules at a time. The units share state (a
 * subset is reported once, for the first cluster's rule), so they run in order
 * and together; the pods running a host are looked up once per host.
 */
export function subsetSpreadUnits(ctx: AnalysisContext): Unit[] {
  if (ctx.clusters.length < 2 || !ctx.clusters.every((c) => c.complete)) return [];
  const done = new Set<string>();
  const byHost = new Map<string, Map<string, Array<Record<string, string>>>>();
  // Per cluster running the service: the endpoint labels of its pods.
  const runningOf = (fqdn: string, namespace: string): Map<string, Array<Record<string, string>>> => {
    let running = byHost.get(fqdn);
    if (running) return running;
    running = new Map();
    for (const { cluster, service } of ctx.meshServices().get(fqdn) ?? []) {
      const cv = ctx.clusters.find((x) => x.name === cluster)!;
      if (!service.selector || !podsCarry(cv, Object.keys(service.selector))) continue;
      const pods = ctx.endpoints(cv).filter((e) => e.pod.namespace === namespace && selects(service.selector, e.pod.labels)).map((e) => e.labels);
      if (pods.length) running.set(cluster, pods);
    }
    byHost.set(fqdn, running);
    return running;
  };
  return ctx.clusters.map((c) => ({
    run: () => {
      const out: Finding[] = [];
      for (const dr of ctx.config(c, 'DestinationRule')) {
        const fqdn = toFqdn(dr.namespace, str(obj(dr.spec)?.host) ?? '');
        const svc = serviceOfFqdn(fqdn);
        if (!svc || !ctx.meshServices().get(fqdn)) continue;
        const running = runningOf(fqdn, svc.namespace);
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
      return out;
    },
  }));
}
