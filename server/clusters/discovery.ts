import 'server-only';
import { KubeHttpError, type KubeClient } from './kube-client';
import { CONFIG_GROUPS, configKind, GATEWAY_API_GROUP, type KindSpec } from './kinds';

export { CONFIG_GROUPS, GATEWAY_API_GROUP } from './kinds';

/**
 * Groups whose kinds are spread over versions: the Gateway API serves
 * Gateway and HTTPRoute in v1 but TCPRoute and TLSRoute only in v1alpha2, so
 * kinds the preferred version lacks are taken from the next version serving them.
 */
const SPREAD_GROUPS: ReadonlySet<string> = new Set([GATEWAY_API_GROUP]);

/** What API discovery found. */
export interface Discovery {
  kubernetesVersion?: string;
  configKinds: KindSpec<'config'>[];
}

interface GroupList { groups?: Array<{ name?: string; preferredVersion?: { groupVersion?: string }; versions?: Array<{ groupVersion?: string }> }> }
interface ResourceList { resources?: Array<{ name?: string; kind?: string; namespaced?: boolean; verbs?: string[] }> }

/**
 * The cluster's version and every Istio, Admiral and Gateway API kind it
 * serves (preferred version of each group; for the Gateway API, each kind in
 * the first version serving it). A group that is absent is simply not watched.
 */
export async function discover(client: KubeClient, signal?: AbortSignal): Promise<Discovery> {
  const version = (await client.getJson('/version', signal)) as { gitVersion?: unknown };
  const groups = (await client.getJson('/apis', signal)) as GroupList;
  const configKinds: KindSpec<'config'>[] = [];
  for (const g of groups.groups ?? []) {
    if (!g.name || !CONFIG_GROUPS.includes(g.name)) continue;
    const preferred = g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion;
    if (!preferred) continue;
    // The API server lists a group's versions in priority order; the preferred one first.
    const others = SPREAD_GROUPS.has(g.name) ? (g.versions ?? []).map((v) => v.groupVersion).filter((v): v is string => !!v && v !== preferred) : [];
    const seen = new Set<string>();
    for (const gv of [preferred, ...others]) {
      let list: ResourceList;
      try {
        list = (await client.getJson(`/apis/${gv}`, signal)) as ResourceList;
      } catch (err) {
        // A CRD removed between the two calls: not an error.
        if (err instanceof KubeHttpError && err.status === 404) continue;
        throw err;
      }
      const versionPart = gv.slice(gv.indexOf('/') + 1);
      for (const r of list.resources ?? []) {
        if (!r.name || !r.kind || r.name.includes('/') || seen.has(r.kind)) continue;
        if (!r.verbs?.includes('list') || !r.verbs.includes('watch')) continue;
        seen.add(r.kind);
        configKinds.push(configKind(g.name, versionPart, r.kind, r.name, r.namespaced !== false));
      }
    }
  }
  return { kubernetesVersion: typeof version.gitVersion === 'string' ? version.gitVersion : undefined, configKinds };
}
