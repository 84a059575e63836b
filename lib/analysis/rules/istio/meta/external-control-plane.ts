import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding, KubeResource } from '../../../types';
import { isIPAddress } from './ip-address';
import { webhookHostname } from './webhook-url';

/** Webhook configurations the Istio charts install (validator: per revision and the default one; injector: per revision). */
function isIstioWebhookConfiguration(r: KubeResource): boolean {
  if (r.kind === 'ValidatingWebhookConfiguration') return r.name === 'istiod-default-validator' || r.name.startsWith('istio-validator');
  return r.kind === 'MutatingWebhookConfiguration' && r.name.startsWith('istio-sidecar-injector');
}

/** IST0163 / IST0164 for one webhook's client config. */
function checkClientConfig(cluster: string, r: KubeResource, hook: string, clientConfig: Record<string, unknown> | undefined): Finding[] {
  const at = [ref(cluster, r.kind, r.namespace, r.name)];
  const url = str(clientConfig?.url);
  if (url === undefined) {
    if (obj(clientConfig?.service)) return [];
    return [istioFinding('IST0163', at, ['', hook, 'is blank'], 'Set the webhook clientConfig.url to the external istiod address (or clientConfig.service).')];
  }
  const host = webhookHostname(url);
  if (host === undefined) return [istioFinding('IST0163', at, [url, hook, 'was provided in an invalid format'], 'Correct the webhook clientConfig.url to a valid https URL of the external istiod.')];
  if (isIPAddress(host)) return [istioFinding('IST0164', at, [url, hook], 'Use a DNS name for the external istiod in the webhook URL rather than an IP address.')];
  return [];
}

/** externalcontrolplane.ExternalControlPlaneAnalyzer in one cluster: Istio's webhooks must reach istiod by a URL or a Service, and a URL should name a host. */
export function checkExternalControlPlaneIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const r of c.resources ?? []) {
    if (!isIstioWebhookConfiguration(r)) continue;
    for (const hook of list(r.body.webhooks).map((h) => obj(h) ?? {})) {
      out.push(...checkClientConfig(c.name, r, str(hook.name) ?? '', obj(hook.clientConfig)));
    }
  }
  return out;
}
