import type { AnalysisContext } from '../../context';
import { istioFinding, ref } from '../../finding';
import { list, num, obj, str } from '../../spec';
import type { ClusterView, Finding } from '../../types';
import { clusterUnits, runUnits } from '../../units';

const VERIFYING = new Set(['SIMPLE', 'MUTUAL']);
const FIX = 'Set tls.caCertificates (or a credentialName with ca.crt) so the server certificate is verified.';

/**
 * IST0128 and IST0129: a DestinationRule originating TLS (SIMPLE or MUTUAL)
 * without caCertificates does not verify the server, at the destination level
 * or per port.
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
    if (VERIFYING.has(mode) && !str(tls?.caCertificates)) out.push(istioFinding('IST0128', at, [full, dr.namespace, mode, host], FIX));
    for (const p of list(policy?.portLevelSettings)) {
      const ptls = obj(obj(p)?.tls);
      const pmode = str(ptls?.mode) ?? '';
      if (!VERIFYING.has(pmode) || str(ptls?.caCertificates)) continue;
      // Go prints the PortSelector message in text form.
      const port = num(obj(obj(p)?.port)?.number);
      out.push(istioFinding('IST0129', at, [full, dr.namespace, pmode, host, port === undefined ? '' : `number:${port}`], FIX));
    }
  }
  return out;
}
