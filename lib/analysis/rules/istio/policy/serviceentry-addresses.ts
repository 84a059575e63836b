import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { meshConfigOf } from '../../../mesh-config';
import { list, obj, str } from '../../../spec';
import type { ClusterView, Finding } from '../../../types';

/** Whether proxies capture DNS and addresses are allocated to ServiceEntries automatically (mesh config proxyMetadata). */
function autoAllocates(c: ClusterView): boolean {
  const metadata = obj(obj(meshConfigOf(c).defaultConfig)?.proxyMetadata) ?? {};
  const on = (key: string) => String(metadata[key]) === 'true';
  return on('ISTIO_META_DNS_CAPTURE') && (on('ISTIO_META_DNS_AUTO_ALLOCATE') || on('PILOT_ENABLE_IP_AUTOALLOCATE'));
}

/**
 * IST0134: a ServiceEntry with a TCP (or unnamed-protocol) port but no
 * addresses, none allocated in its status, and no automatic allocation in the
 * mesh config: its traffic cannot be told apart by destination. Skipped when
 * the source has no mesh config (allocation unknown).
 */
export function checkServiceEntryAddressesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  if (c.meshConfig === undefined || autoAllocates(c)) return [];
  const out: Finding[] = [];
  for (const se of ctx.config(c, 'ServiceEntry')) {
    const spec = obj(se.spec);
    if (list(spec?.addresses).length > 0 || list(obj(se.status)?.addresses).length > 0) continue;
    const tcp = list(spec?.ports).some((p) => {
      const protocol = str(obj(p)?.protocol) ?? '';
      return protocol === '' || protocol.toUpperCase() === 'TCP';
    });
    if (tcp) out.push(istioFinding('IST0134', [ref(c.name, 'ServiceEntry', se.namespace, se.name)], [], 'Add addresses to the ServiceEntry, give its ports an application protocol, or enable DNS auto-allocation.'));
  }
  return out;
}
