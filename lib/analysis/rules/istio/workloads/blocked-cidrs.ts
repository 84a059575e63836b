import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { containersOf, isDeployment, templateOf } from './kube';

const ENV = 'BLOCKED_CIDRS_IN_JWKS_URIS';
/** How many RequestAuthentication names the message lists before "and N more". */
const LISTED = 5;

function listNames(names: readonly string[]): string {
  if (names.length <= LISTED) return names.join(', ');
  return `${names.slice(0, LISTED).join(', ')}, and ${names.length - LISTED} more`;
}

/**
 * authn.BlockedCIDRsAnalyzer, IST0175: with RequestAuthentications present,
 * an istiod Deployment (label app=istiod) whose containers do not set
 * BLOCKED_CIDRS_IN_JWKS_URIS fetches JWKS URIs from any address.
 */
export function checkBlockedCidrsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const names = ctx.config(c, 'RequestAuthentication', 'security.istio.io').map((ra) => `${ra.namespace}/${ra.name}`).sort();
  if (names.length === 0) return [];
  const out: Finding[] = [];
  for (const d of c.deployments) {
    if (d.labels.app !== 'istiod' || !isDeployment(d)) continue;
    // The fleet keeps no Deployment specs: istiod's environment is unknown there.
    const t = templateOf(d);
    if (!t) continue;
    const configured = containersOf(t.spec).some((container) => list(container.env).some((e) => obj(e)?.name === ENV && (str(obj(e)?.value) ?? '') !== ''));
    if (configured) continue;
    out.push(istioFinding('IST0175', [ref(c.name, 'Deployment', d.namespace, d.name)], [names.length, listNames(names)], `Set ${ENV} on istiod (e.g. private and link-local ranges) so JWKS fetches cannot reach internal addresses.`));
  }
  return out;
}
