import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ProxiesQuery, ProxyStatus } from '@/lib/fleet/controlplanes';
import type { Page } from '@/lib/fleet/paging';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

/** GET /api/v1/proxies: every proxy istiod reports (syncz), with its sync state, filtered and paged. */
export function getProxies(model: FleetModel, scope: VisibilityScope, query: ProxiesQuery): FleetResponse<Page<ProxyStatus>> {
  const q = query.q?.toLowerCase();
  const rows: ProxyStatus[] = [];
  for (const e of model.clusters()) {
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
  return envelope(model, scope, paginate(rows, query));
}
