import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { IdentitiesQuery, Identity, IdentityEndpoint, IdentityTrafficPolicy } from '@/lib/fleet/identities';
import type { Page } from '@/lib/fleet/paging';
import type { SlimPod } from '../clusters/records';
import { admiralEnv, IDENTITY_LABEL, parseDependency, parseGtp, type ParsedDependency, type ParsedGtp } from './admiral';
import { clusterNetwork } from './clusters';
import { envelope } from './envelope';
import type { ClusterEntry, FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

interface Acc {
  identity: string;
  env: string;
  endpoints: IdentityEndpoint[];
  gtps: Array<{ cluster: string; namespace: string; name: string; gtp: ParsedGtp }>;
}

/** Node regions, network and east-west gateway of a cluster: what an endpoint's locality and remote address come from. */
function locality(e: ClusterEntry): Pick<IdentityEndpoint, 'regions' | 'network' | 'gateway'> {
  const regions = [...new Set([...e.store.nodes.values()].flatMap((n) => (n.region ? [n.region] : [])))].sort();
  const gw = [...e.store.services.values()].find((s) => s.labels.istio === 'eastwestgateway' && s.externalAddresses.length > 0);
  return { regions, network: clusterNetwork(e), gateway: gw ? { address: gw.externalAddresses[0]!, port: 15443 } : undefined };
}

/** Every identity of the visible fleet, from the pods' identity index and the admiral.io objects. */
function collect(model: FleetModel, scope: VisibilityScope): { byName: Map<string, Acc>; deps: ParsedDependency[] } {
  const byName = new Map<string, Acc>();
  const deps: ParsedDependency[] = [];
  const acc = (name: string, identity: string, env: string) => {
    let a = byName.get(name);
    if (!a) byName.set(name, (a = { identity, env, endpoints: [], gtps: [] }));
    return a;
  };
  for (const e of model.clusters()) {
    if (!allows(scope, e.info.name)) continue;
    const where = e.store.podsByIdentity.size ? locality(e) : undefined;
    for (const [name, podKeys] of e.store.podsByIdentity) {
      const byWorkload = new Map<string, SlimPod[]>();
      for (const k of podKeys) {
        const p = e.store.pods.get(k);
        if (!p || !allows(scope, e.info.name, p.namespace)) continue;
        const wk = `${p.namespace}/${p.workload.kind}/${p.workload.name}`;
        byWorkload.set(wk, [...(byWorkload.get(wk) ?? []), p]);
      }
      for (const pods of byWorkload.values()) {
        const p = pods[0]!;
        acc(name, p.labels[IDENTITY_LABEL]!, admiralEnv(p.labels, p.annotations)).endpoints.push({ cluster: e.info.name, namespace: p.namespace, workload: p.workload, pods: pods.length, readyPods: pods.filter((x) => x.ready).length, ...where! });
      }
    }
    for (const [id, table] of e.store.config) {
      if (!id.startsWith('admiral.io/')) continue;
      for (const o of table.values()) {
        if (!allows(scope, e.info.name, o.namespace)) continue;
        const gtp = parseGtp(o);
        if (gtp) acc(gtp.globalName, gtp.identity, gtp.env).gtps.push({ cluster: e.info.name, namespace: o.namespace, name: o.name, gtp });
        const dep = parseDependency(o);
        if (dep) deps.push(dep);
      }
    }
  }
  return { byName, deps };
}

function build(name: string, a: Acc, deps: ParsedDependency[], clustersOf: Map<string, Set<string>>): Identity {
  const endpoints = a.endpoints.sort((x, y) => x.cluster.localeCompare(y.cluster) || x.namespace.localeCompare(y.namespace) || x.workload.name.localeCompare(y.workload.name));
  const trafficPolicies: IdentityTrafficPolicy[] = a.gtps.flatMap(({ cluster, namespace, name: object, gtp }) =>
    gtp.policies.map((p) => ({
      source: { cluster, namespace, name: object },
      dnsPrefix: p.dnsPrefix,
      host: p.host,
      lbType: p.lbType,
      lbTypeCode: p.lbTypeCode,
      targets: p.targets.map((t) => ({ ...t, clusters: [...new Set(endpoints.filter((ep) => ep.regions.includes(t.region)).map((ep) => ep.cluster))].sort() })),
    })),
  );
  const dependents = [...new Set(deps.filter((d) => d.destinations.includes(a.identity)).map((d) => d.source))].sort();
  return {
    name,
    identity: a.identity,
    env: a.env,
    clusters: [...new Set(endpoints.map((ep) => ep.cluster))].sort(),
    endpoints,
    trafficPolicies,
    dependencies: {
      dependsOn: [...new Set(deps.filter((d) => d.source === a.identity).flatMap((d) => d.destinations))].sort(),
      dependents,
      dependentClusters: [...new Set(dependents.flatMap((d) => [...(clustersOf.get(d) ?? [])]))].sort(),
    },
  };
}

/** Every identity, built; `only` restricts building to one global name. */
function identities(model: FleetModel, scope: VisibilityScope, only?: string): Identity[] {
  const { byName, deps } = collect(model, scope);
  const clustersOf = new Map<string, Set<string>>();
  for (const a of byName.values()) for (const ep of a.endpoints) clustersOf.set(a.identity, (clustersOf.get(a.identity) ?? new Set()).add(ep.cluster));
  const names = only ? (byName.has(only) ? [only] : []) : [...byName.keys()].sort();
  return names.map((n) => build(n, byName.get(n)!, deps, clustersOf));
}

/** GET /api/v1/identities: Admiral identities as global names, with endpoints, GTP weights and dependencies. ?q&env */
export function getIdentities(model: FleetModel, scope: VisibilityScope, query: IdentitiesQuery): FleetResponse<Page<Identity>> {
  const q = query.q?.toLowerCase();
  const rows = identities(model, scope).filter((i) => (!query.env || i.env === query.env) && (!q || i.name.includes(q)));
  return envelope(model, scope, paginate(rows, query));
}

/** GET /api/v1/identities/{name}: one identity by global name ('stage.greeting.global'), or undefined (404). */
export function getIdentity(model: FleetModel, scope: VisibilityScope, name: string): FleetResponse<Identity> | undefined {
  const found = identities(model, scope, name.toLowerCase())[0];
  return found ? envelope(model, scope, found) : undefined;
}
