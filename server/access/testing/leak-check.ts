/** Finds what a response shows that the caller should not see. */
import { parseChangeKey } from '@/lib/fleet/change-keys';

export interface Visibility {
  /** Whether a (cluster, namespace) pair is in the caller's view. */
  allows(cluster: string, namespace?: string): boolean;
  /** Names that only exist outside the view (namespaces, services); none may appear anywhere. */
  forbiddenTokens: readonly string[];
  /** Whether config specs may appear. */
  specs: boolean;
}

/**
 * A cluster's own infrastructure (control planes and gateways in
 * istio-system) is part of the cluster's health, which everyone who sees the
 * cluster sees; workloads and config there are not shown to scoped callers
 * because no workspace selects istio-system unless it says so.
 */
function visible(v: Visibility, cluster: string, namespace: string): boolean {
  return v.allows(cluster, namespace) || (namespace === 'istio-system' && v.allows(cluster));
}

/** Every string of a JSON value (keys included), except inside config specs: a spec is the caller's own config, free to name anything. */
function textOutsideSpecs(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const y of x) textOutsideSpecs(y, out);
  else if (x && typeof x === 'object') {
    for (const [k, y] of Object.entries(x)) {
      out.push(k);
      if (k !== 'spec') textOutsideSpecs(y, out);
    }
  }
  return out;
}

/**
 * Problems in one JSON body (or SSE or header text): objects outside the view,
 * forbidden names anywhere in messages, reasons, URLs and keys, specs for
 * viewers. `asked` is the request's own path and query: an error may echo what
 * the caller asked for ("no such service bookinfo/x"), which is not a leak.
 */
export function leaks(body: unknown, v: Visibility, asked = ''): string[] {
  const problems: string[] = [];
  const text = typeof body === 'string' ? body : textOutsideSpecs(body ?? null).join('\n');
  for (const t of v.forbiddenTokens) if (text.includes(t) && !asked.includes(t)) problems.push(`mentions "${t}"`);
  const walk = (x: unknown, where: string) => {
    if (Array.isArray(x)) return x.forEach((y, i) => walk(y, `${where}[${i}]`));
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.cluster === 'string' && typeof o.namespace === 'string' && o.namespace && !visible(v, o.cluster, o.namespace)) problems.push(`${where}: ${o.cluster}/${o.namespace}`);
    if (!v.specs && 'spec' in o) problems.push(`${where}: has a spec`);
    for (const [k, y] of Object.entries(o)) {
      if (where === '' && k === 'clusters' && y && typeof y === 'object' && !Array.isArray(y)) {
        for (const c of Object.keys(y)) if (!v.allows(c)) problems.push(`envelope cluster ${c}`);
      }
      walk(y, `${where}.${k}`);
    }
  };
  if (typeof body !== 'string') walk(body, '');
  return problems;
}

/** The keys of every SSE data line that fall outside the view. */
export function sseLeaks(text: string, v: Visibility): string[] {
  const problems = leaks(text, { ...v, specs: true });
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ')) continue;
    const { keys } = JSON.parse(line.slice(6)) as { keys: string[] };
    for (const k of keys) {
      const key = parseChangeKey(k);
      if (!('cluster' in key) || !key.cluster) continue;
      // A caller refused the config and proxies routes has no use for their keys, and they name objects.
      if (!v.specs && (key.kind === 'config' || key.kind === 'proxies')) problems.push(`event key ${k} for a caller without config or proxy access`);
      const ns = 'namespace' in key ? key.namespace : undefined;
      if (ns === undefined ? !v.allows(key.cluster) : !v.allows(key.cluster, ns)) problems.push(`event key ${k}`);
    }
  }
  return problems;
}
