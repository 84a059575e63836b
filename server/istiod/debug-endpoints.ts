import 'server-only';

/** A remote cluster istiod reads, from /debug/clusterz (what `istioctl remote-clusters` prints). */
export interface DiscoveredCluster {
  id: string;
  secretName?: string;
  /** synced, syncing, timeout, closed. */
  syncStatus: string;
}

/** A cross-network gateway istiod knows, from /debug/networkz. */
export interface NetworkGateway {
  network: string;
  cluster: string;
  address: string;
  port: number;
  hbonePort?: number;
  serviceAccount?: string;
}

function rec(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Parses /debug/clusterz; unknown shapes give an empty list. */
export function parseClusterz(body: unknown): DiscoveredCluster[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((raw) => {
    const e = rec(raw);
    const id = s(e?.id) ?? s(e?.ID);
    if (!e || !id) return [];
    return [{ id, secretName: s(e.secretName) || undefined, syncStatus: s(e.syncStatus) ?? 'unknown' }];
  });
}

/** Parses /debug/networkz. */
export function parseNetworkz(body: unknown): NetworkGateway[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((raw) => {
    const e = rec(raw);
    const address = s(e?.Addr);
    if (!e || !address) return [];
    return [{ network: s(e.Network) ?? '', cluster: s(e.Cluster) ?? '', address, port: n(e.Port) ?? 0, hbonePort: n(e.HBONEPort), serviceAccount: s(e.ServiceAccount) }];
  });
}

/** istiod's /version is plain text; the first token is the version ('1.24.1', '1.24.1-abc123-Clean'). */
export function parseVersion(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0];
  if (!first) return undefined;
  // Some builds answer with JSON build info.
  if (first.startsWith('{')) {
    try {
      const j = rec(JSON.parse(text));
      return s(j?.version) ?? s(rec(j?.clientVersion)?.version);
    } catch {
      return undefined;
    }
  }
  return first.replace(/^v/, '');
}
