/** Display formatting shared by every page: numbers in, short strings out. */

const DASH = '—';

/** Requests per second: "0", "0.42/s", "12.3/s", "1.2k/s". */
export function formatRate(rps: number | null | undefined): string {
  if (rps == null || !Number.isFinite(rps)) return DASH;
  if (rps === 0) return '0/s';
  if (rps < 0.01) return '<0.01/s';
  if (rps < 10) return `${rps.toFixed(2)}/s`;
  if (rps < 1000) return `${rps.toFixed(1)}/s`;
  return `${(rps / 1000).toFixed(1)}k/s`;
}

/** A percentage (0..100, as the telemetry API sends them): "0%", "0.2%", "12%". Tiny non-zero values never read as 0. */
export function formatPercent(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return DASH;
  if (p === 0) return '0%';
  if (p < 0.1) return '<0.1%';
  if (p < 10) return `${p.toFixed(1).replace(/\.0$/, '')}%`;
  return `${Math.round(p)}%`;
}

/** Milliseconds: "4 ms", "120 ms", "1.2 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return DASH;
  if (ms < 10) return `${ms.toFixed(1).replace(/\.0$/, '')} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
}

/** An age in seconds: "just now", "12 s", "4 min", "3 h", "2 d". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return DASH;
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** Istio's long version string ("1.23.2-8250…-go1.22.7-Clean-1.23.2") cut to the release ("1.23.2"). */
export function shortVersion(version: string | null | undefined): string {
  if (!version) return DASH;
  const m = /^\d+\.\d+\.\d+(?:-(?:alpha|beta|rc)\.?\d*)?/.exec(version);
  return m ? m[0] : version.split('-')[0] || version;
}

/** A counted noun: "1 cluster", "3 clusters". */
export function plural(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : pluralNoun}`;
}

/** Days until an ISO date, negative when past; undefined when absent or unparseable. */
export function daysUntil(iso: string | undefined, now: number): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : Math.floor((t - now) / 86_400_000);
}

/** A SHA-256 fingerprint shortened for tables ("4A:B7:39…2E:45:30"); the full one goes in a title. */
export function shortFingerprint(fp: string | undefined): string {
  if (!fp) return DASH;
  return fp.length > 24 ? `${fp.slice(0, 8)}…${fp.slice(-8)}` : fp;
}
