import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ProxiesQuery, ProxyPage, ProxyStatus, ProxySyncKnowledge } from '@/lib/fleet/controlplanes';
import { proxySyncKnowledge } from './derive-proxies';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

/**
 * GET /api/v1/proxies: every proxy istiod reports (syncz), with its sync state, filtered and paged; beside
 * them the pods that carry istio-proxy and, per cluster running istiod, whether its poll answered: without
 * istiod's debug endpoints the list is empty but the sidecars are still counted.
 */
export function getProxies(model: FleetModel, scope: VisibilityScope, query: ProxiesQuery): FleetResponse<ProxyPage> {
  const q = query.q?.toLowerCase();
  const rows: ProxyStatus[] = [];
  const sync: Record<string, ProxySyncKnowledge> = {};
  let sidecars = 0;
  for (const e of model.clusters()) {
    const name = e.info.name;
    if (allows(scope, name) && (!query.cluster || name === query.cluster)) {
      const known = proxySyncKnowledge(e);
      if (known) sync[name] = known;
      for (const p of e.store.pods.values()) {
        if (!p.hasProxy || (query.namespace && p.namespace !== query.namespace) || !allows(scope, name, p.namespace)) continue;
        // syncz names a proxy '<pod>.<namespace>'; the same text for ?q.
        if (q && !`${p.name}.${p.namespace}`.toLowerCase().includes(q)) continue;
        sidecars++;
      }
    }
    for (const poll of e.controlPlanes.values()) {
      for (const p of poll.proxies) {
        // A proxy in a remote cluster reports to a primary's istiod; its own cluster decides visibility.
        const cluster = p.cluster || e.info.name;
        if (!allows(scope, cluster, p.namespace)) continue;
        if (query.cluster && cluster !== query.cluster) continue;
        if (query.namespace && p.namespace !== query.namespace) continue;
        if (query.state && p.overall !== query.state) continue;
        if (q && !p.proxy.toLowerCase().includes(q)) continue;
        rows.push({ ...p, cluster, controlPlane: { cluster: e.info.name, revision: poll.revision } });
      }
    }
  }
  rows.sort((a, b) => a.cluster.localeCompare(b.cluster) || a.proxy.localeCompare(b.proxy));
  return envelope(model, scope, { ...paginate(rows, query), sidecars, sync });
}
