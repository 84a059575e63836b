import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { str, type Obj } from '../../../spec';
import type { ClusterView, ConfigObject, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';
import { fullName, gatewaySelector, gatewayServers } from './gateway-spec';

/**
 * Whether two servers' TLS settings use one certificate: the same
 * credentialName, or (both without one) the same serverCertificate and
 * privateKey files.
 */
function sameCertificate(a: Obj, b: Obj): boolean {
  const credA = str(a.credentialName) ?? '';
  const credB = str(b.credentialName) ?? '';
  if (credA || credB) return credA !== '' && credA === credB;
  const certA = str(a.serverCertificate) ?? '';
  const keyA = str(a.privateKey) ?? '';
  return certA !== '' && certA === str(b.serverCertificate) && keyA !== '' && keyA === str(b.privateKey);
}

/** Whether every label of `inner` is in `outer` with the same value (the other gateway runs on a subset of these pods). */
function selectorWithin(inner: Record<string, string>, outer: Record<string, string>): boolean {
  return Object.entries(inner).every(([k, v]) => outer[k] === v);
}

/** The tls blocks of a Gateway's servers. */
const tlsOf = (gw: ConfigObject): Obj[] => gatewayServers(gw).flatMap((s) => (s.tls ? [s.tls] : []));

/**
 * gateway.CertificateAnalyzer (IST0138): a Gateway sharing a certificate with
 * another Gateway whose selector includes all of its labels (so both may serve
 * the same pods, in any namespace): clients re-using an HTTP/2 connection for
 * the other host get 404s.
 */
export function checkGatewayCertificates(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkGatewayCertificatesIn));
}

/** gateway.CertificateAnalyzer in one cluster. */
export function checkGatewayCertificatesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const gateways = ctx.config(c, 'Gateway').map((gw) => ({ gw, selector: gatewaySelector(gw), tls: tlsOf(gw) }));
  const out: Finding[] = [];
  for (const { gw, selector, tls } of gateways) {
    if (tls.length === 0) continue;
    for (const { gw: other, selector: theirs, tls: theirTls } of gateways) {
      if (other === gw || !selectorWithin(selector, theirs)) continue;
      if (!tls.some((mine) => theirTls.some((t) => sameCertificate(mine, t)))) continue;
      out.push(istioFinding(
        'IST0138', [ref(c.name, 'Gateway', gw.namespace, gw.name)], [[fullName(gw), fullName(other)]],
        'Give each Gateway its own certificate, or merge the servers into one Gateway.',
        [ref(c.name, 'Gateway', other.namespace, other.name)],
      ));
    }
  }
  return out;
}
