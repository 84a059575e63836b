import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

const WAYPOINT_BOUND = { 'istio.io/WaypointBound': 'False' };
const GATEWAY_API = { Accepted: 'False', Programmed: 'False', ResolvedRefs: 'False' };
/** '<group>/<Kind>' -> condition type -> the status that is bad news, for the kinds Istio looks at. */
const NEGATIVE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '/Service': WAYPOINT_BOUND,
  'networking.istio.io/ServiceEntry': WAYPOINT_BOUND,
  'networking.istio.io/WorkloadEntry': WAYPOINT_BOUND,
  'security.istio.io/AuthorizationPolicy': { ZtunnelAccepted: 'False', WaypointAccepted: 'False' },
  'gateway.networking.k8s.io/Gateway': GATEWAY_API,
  'gateway.networking.k8s.io/HTTPRoute': GATEWAY_API,
  'gateway.networking.k8s.io/GRPCRoute': GATEWAY_API,
};

function conditionsIn(v: unknown): Condition[] {
  return list(v).map((x) => obj(x) ?? {}).map((x) => ({ type: str(x.type) ?? '', status: str(x.status) ?? '', reason: str(x.reason) ?? '', message: str(x.message) ?? '' }));
}

/** A route's conditions are per parent; the others' are at the top of the status. */
function conditionsOf(kind: string, status: unknown): Condition[] {
  const s = obj(status);
  if (!s) return [];
  if (kind === 'HTTPRoute' || kind === 'GRPCRoute') return list(s.parents).flatMap((p) => conditionsIn(obj(p)?.conditions));
  return conditionsIn(s.conditions);
}

/** The negative conditions of one object; an AuthorizationPolicy's waypoint accepting it only partly counts too. */
function negative(kindKey: string, conditions: readonly Condition[]): Condition[] {
  const bad = NEGATIVE[kindKey] ?? {};
  return conditions.filter((c) => bad[c.type] === c.status || (kindKey === 'security.istio.io/AuthorizationPolicy' && c.type === 'WaypointAccepted' && c.reason === 'PartiallyInvalid'));
}

const FIX = 'Fix the cause the condition reason and message name (kubectl describe shows them); the object is not fully in effect until then.';

/** conditions.ConditionAnalyzer in one cluster: negative status conditions (waypoint binding, ztunnel/waypoint acceptance, Gateway API) on Services and Istio and Gateway API objects. */
export function checkNegativeConditionsIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const found = new Map<string, Finding>();
  const report = (kind: string, namespace: string, name: string, cond: Condition) => {
    const f = istioFinding('IST0171', [ref(c.name, kind, namespace, name)], [cond.type, cond.reason, cond.message], FIX);
    found.set(f.id, f);
  };
  // Status is absent where the source does not keep it: nothing to judge then.
  for (const s of c.services) for (const cond of negative('/Service', conditionsOf('Service', s.status))) report('Service', s.namespace, s.name, cond);
  for (const o of c.config) {
    const key = `${o.group}/${o.kind}`;
    if (!NEGATIVE[key]) continue;
    for (const cond of negative(key, conditionsOf(o.kind, o.status))) report(o.kind, o.namespace, o.name, cond);
  }
  return [...found.values()];
}
