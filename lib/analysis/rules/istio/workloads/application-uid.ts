import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { obj, type Obj } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { PROXY_CONTAINER, containersOf, isDeployment, isIstioControlPlane, isTemplatePod, podSpecOf, templateOf } from './kube';

/** The UID the sidecar runs as: an application running as it is exempt from traffic capture. */
const PROXY_UID = 1337;

const runsAsProxy = (o: unknown) => obj(obj(o)?.securityContext)?.runAsUser === PROXY_UID;

/** Whether the pod, or one of its application containers (not the proxy nor istio-operator), runs as UID 1337. */
function usesProxyUid(spec: Obj): boolean {
  if (runsAsProxy(spec)) return true;
  return containersOf(spec).some((c) => c.name !== PROXY_CONTAINER && c.name !== 'istio-operator' && runsAsProxy(c));
}

const FIX = 'Run the application as another user ID (securityContext.runAsUser); 1337 belongs to the sidecar.';

/** deployment.ApplicationUIDAnalyzer, IST0144: Pods and Deployments outside the control plane running as UID 1337. */
export function checkApplicationUidIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const p of c.pods) {
    const spec = podSpecOf(p);
    if (!spec || isTemplatePod(p) || isIstioControlPlane(p.labels) || !usesProxyUid(spec)) continue;
    out.push(istioFinding('IST0144', [ref(c.name, 'Pod', p.namespace, p.name)], [], FIX));
  }
  for (const d of c.deployments) {
    const t = templateOf(d);
    if (!t || !isDeployment(d) || isIstioControlPlane(d.labels) || !usesProxyUid(t.spec)) continue;
    out.push(istioFinding('IST0144', [ref(c.name, 'Deployment', d.namespace, d.name)], [], FIX));
  }
  return out;
}
