import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selectorString } from '../../../hosts';
import { str } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, SecretView } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { gatewaySelector, gatewayServers, podLabelsKept, selectedPods, shortOrFullName } from './gateway-spec';

/** The key pairs a gateway credential may hold its certificate and key under (generic, then kubernetes.io/tls). */
const CERT_KEY_PAIRS = [['cert', 'key'], ['tls.crt', 'tls.key']] as const;

/**
 * Whether the view holds every Secret of the namespace. The fleet model
 * (slim views, which set podLabelKeys) watches only the Istio namespace's
 * Secrets; files hold all of theirs.
 */
function secretsKnownIn(c: ClusterView, namespace: string): boolean {
  return !c.podLabelKeys || namespace === (c.istioNamespace ?? 'istio-system');
}

/**
 * Whether the Secret lacks both key pairs a certificate can be read from.
 * Values are never in the view, so an empty value, a value that is not PEM
 * or an expired certificate cannot be seen here.
 */
function lacksCertificateKeys(secret: SecretView): boolean {
  const keys = new Set(secret.dataKeys);
  return !CERT_KEY_PAIRS.some((pair) => pair.every((k) => keys.has(k)));
}

/** IST0101 (selector, credentialName) and IST0161 for one Gateway. */
function checkGateway(c: ClusterView, secrets: ReadonlyMap<string, SecretView>, gw: ConfigObject): Finding[] {
  const selector = gatewaySelector(gw);
  if (!podLabelsKept(c, Object.keys(selector))) return [];
  const at = [ref(c.name, 'Gateway', gw.namespace, gw.name)];
  // Credentials are read in the namespace of the gateway's pods, not of the Gateway object.
  const pod = selectedPods(c, selector).next().value;
  if (!pod) return [istioFinding('IST0101', at, ['selector', selectorString(selector)], 'Fix the Gateway selector so it matches the gateway pods (kubectl get pods -l <selector> -A).')];
  const out: Finding[] = [];
  for (const server of gatewayServers(gw)) {
    const credential = str(server.tls?.credentialName);
    if (!credential) continue;
    const name = shortOrFullName(pod.namespace, credential);
    if (!secretsKnownIn(c, name.namespace)) continue;
    const secret = secrets.get(`${name.namespace}/${name.name}`);
    if (!secret) {
      out.push(istioFinding('IST0101', at, ['credentialName', credential], `Create the Secret ${name.name} in namespace ${name.namespace} (where the gateway pods run), or fix credentialName.`));
    } else if (lacksCertificateKeys(secret)) {
      out.push(istioFinding('IST0161', at, [gw.name, pod.namespace], `Store the certificate and key in the Secret ${name.namespace}/${name.name} under tls.crt and tls.key (or cert and key).`, [ref(c.name, 'Secret', name.namespace, name.name)]));
    }
  }
  return out;
}

/**
 * gateway.SecretAnalyzer: a Gateway's selector must match pods, and each
 * credentialName must name a Secret, in the namespace of those pods, that
 * holds a certificate and key.
 */
export function checkGatewaySecrets(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkGatewaySecretsIn));
}

/** gateway.SecretAnalyzer in one cluster. */
export function checkGatewaySecretsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  // The selector and credential checks conclude from something missing.
  if (!c.complete) return [];
  const secrets = new Map<string, SecretView>();
  for (const s of c.secrets) secrets.set(`${s.namespace}/${s.name}`, s);
  return ctx.config(c, 'Gateway').flatMap((gw) => checkGateway(c, secrets, gw));
}
