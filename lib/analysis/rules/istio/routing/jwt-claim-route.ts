import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selects } from '../../../hosts';
import { podsCarry } from '../../../pod-labels';
import { list, obj, strings } from '../../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../../types';
import { vsGateways } from './vs-destinations';

const SECURITY = 'security.istio.io';
const CLAIM_PREFIX = '@request.auth.claims';
/** Istio looks for RequestAuthentications here as well as in the pod's own namespace (the fixed root namespace, not the configured one). */
const ROOT_NAMESPACE = 'istio-system';

/** Whether a header name routes on a JWT claim ('@request.auth.claims.sub', '@request.auth.claims[sub]'). */
export function isClaimHeader(name: string): boolean {
  if (!name.toLowerCase().startsWith(CLAIM_PREFIX)) return false;
  const rest = name.slice(CLAIM_PREFIX.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** The first header key (headers, then withoutHeaders, match by match) that routes on a JWT claim. */
function claimKey(vs: ConfigObject): string | undefined {
  for (const rule of list(obj(vs.spec)?.http)) {
    for (const m of list(obj(rule)?.match)) {
      for (const field of ['headers', 'withoutHeaders']) {
        const key = Object.keys(obj(obj(m)?.[field]) ?? {}).find(isClaimHeader);
        if (key !== undefined) return key;
      }
    }
  }
  return undefined;
}

/** 'ns/name' of a gateway reference, short names in the VirtualService's namespace. */
function gatewayName(vsNamespace: string, gw: string): { namespace: string; name: string } {
  const slash = gw.indexOf('/');
  return slash < 0 ? { namespace: vsNamespace, name: gw } : { namespace: gw.slice(0, slash), name: gw.slice(slash + 1) };
}

/**
 * IST0149: a gateway-bound VirtualService routing on a JWT claim, where a
 * pod of the gateway has no RequestAuthentication (in istio-system or its
 * own namespace) selecting it, so the claim is never validated.
 */
export function checkJwtClaimRoutesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (!c.complete) return [];
  const out: Finding[] = [];
  const authns = ctx.config(c, 'RequestAuthentication', SECURITY).map((ra) => ({ namespace: ra.namespace, selector: strings(obj(obj(ra.spec)?.selector)?.matchLabels) }));
  // Without every selector key on the pods, whether one applies cannot be told.
  if (!authns.every((a) => podsCarry(c, Object.keys(a.selector)))) return [];
  const gateways = new Map(ctx.config(c, 'Gateway').map((g) => [`${g.namespace}/${g.name}`, g]));
  for (const vs of ctx.config(c, 'VirtualService')) {
    const key = claimKey(vs);
    if (key === undefined) continue;
    for (const gw of vsGateways(vs)) {
      if (gw === 'mesh') continue;
      const { namespace, name } = gatewayName(vs.namespace, gw);
      const gateway = gateways.get(`${namespace}/${name}`);
      if (!gateway) continue;
      const selector = strings(obj(gateway.spec)?.selector);
      if (!podsCarry(c, Object.keys(selector))) continue;
      for (const pod of c.pods) {
        if (!selects(selector, pod.labels)) continue;
        const covered = authns.some((a) => (a.namespace === ROOT_NAMESPACE || a.namespace === pod.namespace) && selects(a.selector, pod.labels));
        if (covered) continue;
        out.push(istioFinding('IST0149', [ref(c.name, 'VirtualService', vs.namespace, vs.name)], [key, `${namespace}/${name}`, pod.name], `Apply a RequestAuthentication selecting the gateway pod ${pod.namespace}/${pod.name} (in its namespace or ${ROOT_NAMESPACE}).`, [ref(c.name, 'Gateway', namespace, name)]));
      }
    }
  }
  return out;
}
