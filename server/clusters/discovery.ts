import 'server-only';
import { KubeHttpError, type KubeClient } from './kube-client';
import { configKind, type KindSpec } from './kinds';

/** API groups whose kinds are watched as config objects when the cluster serves them. */
export const CONFIG_GROUPS = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io', 'admiral.io'];

/** What API discovery found. */
export interface Discovery {
  kubernetesVersion?: string;
  configKinds: KindSpec<'config'>[];
}

interface GroupList { groups?: Array<{ name?: string; preferredVersion?: { groupVersion?: string }; versions?: Array<{ groupVersion?: string }> }> }
interface ResourceList { resources?: Array<{ name?: string; kind?: string; namespaced?: boolean; verbs?: string[] }> }

/**
 * The cluster's version and every Istio/Admiral kind it serves (preferred
 * version of each group). A group that is absent is simply not watched.
 */
export async function discover(client: KubeClient, signal?: AbortSignal): Promise<Discovery> {
  const version = (await client.getJson('/version', signal)) as { gitVersion?: unknown };
  const groups = (await client.getJson('/apis', signal)) as GroupList;
  const configKinds: KindSpec<'config'>[] = [];
  for (const g of groups.groups ?? []) {
    if (!g.name || !CONFIG_GROUPS.includes(g.name)) continue;
    const gv = g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion;
    if (!gv) continue;
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
      if (!r.name || !r.kind || r.name.includes('/')) continue;
      if (!r.verbs?.includes('list') || !r.verbs.includes('watch')) continue;
      configKinds.push(configKind(g.name, versionPart, r.kind, r.name, r.namespaced !== false));
    }
  }
  return { kubernetesVersion: typeof version.gitVersion === 'string' ? version.gitVersion : undefined, configKinds };
}
