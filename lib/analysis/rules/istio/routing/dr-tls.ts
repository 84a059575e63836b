import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, num, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';

const VERIFYING = new Set(['SIMPLE', 'MUTUAL']);
const FIX = 'Set tls.caCertificates (or a credentialName with ca.crt) so the server certificate is verified.';

/**
 * IST0128 and IST0129: a DestinationRule originating TLS (SIMPLE or MUTUAL)
 * without caCertificates does not verify the server, at the destination level
 * or per port. A credentialName on a DestinationRule with a workloadSelector
 * is taken to carry the CA (Istio exempts that case).
 */
export function checkDestinationRuleTls(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkDestinationRuleTlsIn));
}

/** IST0128 and IST0129 in one cluster. */
export function checkDestinationRuleTlsIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const dr of ctx.config(c, 'DestinationRule')) {
    const spec = obj(dr.spec);
    const host = str(spec?.host) ?? '';
    const at = [ref(c.name, 'DestinationRule', dr.namespace, dr.name)];
    const full = `${dr.namespace}/${dr.name}`;
    const policy = obj(spec?.trafficPolicy);
    const tls = obj(policy?.tls);
    const mode = str(tls?.mode) ?? '';
    const selected = obj(spec?.workloadSelector) !== undefined;
    const verifies = (t: Record<string, unknown> | undefined) => !!str(t?.caCertificates) || (selected && !!str(t?.credentialName));
    if (VERIFYING.has(mode) && !verifies(tls)) out.push(istioFinding('IST0128', at, [full, dr.namespace, mode, host], FIX));
    for (const p of list(policy?.portLevelSettings)) {
      const ptls = obj(obj(p)?.tls);
      const pmode = str(ptls?.mode) ?? '';
      if (!VERIFYING.has(pmode) || verifies(ptls)) continue;
      // Go prints the PortSelector message in text form.
      const port = num(obj(obj(p)?.port)?.number);
      out.push(istioFinding('IST0129', at, [full, dr.namespace, pmode, host, port === undefined ? '' : `number:${port}`], FIX));
    }
  }
  return out;
}
