import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { selectorString } from '../../../hosts';
import { str } from '../../../spec';
import type { ClusterView, ConfigObject, Finding, SecretView } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { gatewaySelector, gatewayServers, podLabelsKept, selectedPods, shortOrFullName } from './gateway-spec';

/** The key pairs a gateway credential may hold its certificate and key under (generic, then kubernetes.io/tls). */
const CERT_KEY_PAIRS = [['cert', 'key'], ['tls.crt', 'tls.key']] as const;

/** Whether the view holds the namespace's Secrets (the fleet holds only the Istio namespace's; files hold all). */
function secretsKnownIn(c: ClusterView, namespace: string): boolean {
  return !c.secretNamespaces || c.secretNamespaces.has(namespace);
}

/**
 * Whether istiod could not serve the Secret's certificate at `now`. With the
 * serving certificate summarised (manifests), it must parse and be inside its
 * validity window; without it (the fleet keeps no values), at least one key
 * pair must be there.
 */
function invalidCredential(secret: SecretView, now: number): boolean {
  const cert = secret.certificate;
  if (cert) {
    if (cert.error) return true;
    const from = cert.notBefore ? Date.parse(cert.notBefore) : -Infinity;
    const to = cert.notAfter ? Date.parse(cert.notAfter) : Infinity;
    return now < from || now > to;
  }
  const keys = new Set(secret.dataKeys);
  return !CERT_KEY_PAIRS.some((pair) => pair.every((k) => keys.has(k)));
}

/** IST0101 (selector, credentialName) and IST0161 for one Gateway. */
function checkGateway(c: ClusterView, secrets: ReadonlyMap<string, SecretView>, gw: ConfigObject, now: number): Finding[] {
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
    } else if (invalidCredential(secret, now)) {
      const why = secret.certificate?.error ? `its certificate cannot be read (${secret.certificate.error})` : secret.certificate ? 'its certificate is expired or not yet valid' : 'it holds no tls.crt/tls.key (or cert/key) pair';
      out.push(istioFinding('IST0161', at, [gw.name, pod.namespace], `Put a valid PEM certificate and key in the Secret ${name.namespace}/${name.name}: ${why}.`, [ref(c.name, 'Secret', name.namespace, name.name)]));
    }
  }
  return out;
}

/**
 * gateway.SecretAnalyzer: a Gateway's selector must match pods, and each
 * credentialName must name a Secret, in the namespace of those pods, whose
 * certificate istiod can serve now.
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
  return ctx.config(c, 'Gateway').flatMap((gw) => checkGateway(c, secrets, gw, ctx.now));
}
