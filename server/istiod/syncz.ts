import 'server-only';

/** istioctl proxy-status's word for one xDS type of one proxy. */
export type XdsSyncState = 'SYNCED' | 'STALE' | 'NOT SENT';

/** One proxy as istiod's /debug/syncz reports it, summarised like `istioctl proxy-status`. */
export interface ProxySyncSummary {
  /** '<pod>.<namespace>' as istiod names it. */
  proxy: string;
  pod: string;
  namespace: string;
  /** Cluster the proxy runs in (cluster_id). */
  cluster: string;
  proxyType?: string;
  proxyVersion?: string;
  istioVersion?: string;
  cds: XdsSyncState;
  lds: XdsSyncState;
  eds: XdsSyncState;
  rds: XdsSyncState;
  ecds: XdsSyncState;
  /** STALE if any type is stale, NOT SENT if nothing was sent, else SYNCED. */
  overall: XdsSyncState;
}

const TYPE_URLS = {
  cds: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  lds: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  eds: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  rds: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
  ecds: 'type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig',
} as const;
const FLAT = { cds: 'cluster', lds: 'listener', eds: 'endpoint', rds: 'route', ecds: 'extensionconfig' } as const;

/** SYNCED when acked equals sent, STALE when sent but acked differs, NOT SENT when never sent. */
export function xdsState(sent: unknown, acked: unknown): XdsSyncState {
  if (typeof sent !== 'string' || sent === '') return 'NOT SENT';
  return sent === acked ? 'SYNCED' : 'STALE';
}

function s(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** Summarises /debug/syncz; entries of an unexpected shape are counted, not fatal. */
export function summariseSyncz(body: unknown): { proxies: ProxySyncSummary[]; skipped: number } {
  if (!Array.isArray(body)) return { proxies: [], skipped: body === null || body === undefined ? 0 : 1 };
  const proxies: ProxySyncSummary[] = [];
  let skipped = 0;
  for (const raw of body) {
    const e = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
    const proxy = s(e?.proxy);
    if (!e || !proxy) {
      skipped++;
      continue;
    }
    const resources = (typeof e.resources === 'object' && e.resources !== null ? e.resources : {}) as Record<string, { sent?: unknown; acked?: unknown } | undefined>;
    const state = (t: keyof typeof FLAT): XdsSyncState => {
      const flatSent = e[`${FLAT[t]}_sent`];
      if (flatSent !== undefined) return xdsState(flatSent, e[`${FLAT[t]}_acked`]);
      const r = resources[TYPE_URLS[t]];
      return xdsState(r?.sent, r?.acked);
    };
    const dot = proxy.indexOf('.');
    const types = { cds: state('cds'), lds: state('lds'), eds: state('eds'), rds: state('rds'), ecds: state('ecds') };
    const all = Object.values(types);
    const overall: XdsSyncState = all.includes('STALE') ? 'STALE' : all.every((x) => x === 'NOT SENT') ? 'NOT SENT' : 'SYNCED';
    proxies.push({
      proxy,
      pod: dot > 0 ? proxy.slice(0, dot) : proxy,
      namespace: dot > 0 ? proxy.slice(dot + 1) : '',
      cluster: s(e.cluster_id) ?? '',
      proxyType: s(e.proxy_type),
      proxyVersion: s(e.proxy_version),
      istioVersion: s(e.istio_version),
      ...types,
      overall,
    });
  }
  return { proxies, skipped };
}
