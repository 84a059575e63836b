/**
 * Workspace selectors: `cluster/namespace`, each side a name, `*`, or a
 * pattern with `*` wildcards such as `team-a-*`. Pure and isomorphic so the
 * server enforces and the UI explains with the same rules.
 */

/** A parsed `cluster/namespace` selector. */
export interface Selector {
  cluster: string;
  namespace: string;
}

/** Kubernetes names plus `*`; anything else (slashes, dots-only, spaces) is refused. */
const PART = /^[a-z0-9*]([-a-z0-9.*]{0,251}[a-z0-9*])?$/;

/** Parses `cluster/namespace`; throws with the reason when the text is not a selector. */
export function parseSelector(text: string): Selector {
  const parts = text.split('/');
  if (parts.length !== 2) throw new Error(`selector "${text}" must be cluster/namespace`);
  const [cluster = '', namespace = ''] = parts;
  for (const p of [cluster, namespace]) {
    if (!PART.test(p)) throw new Error(`selector "${text}": "${p}" is not a name, "*" or a name with "*" wildcards`);
  }
  return { cluster, namespace };
}

/** Whether `value` matches a pattern where `*` stands for any run of characters (possibly empty). */
export function globMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === value;
  const pieces = pattern.split('*');
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (!value.startsWith(first) || value.length < first.length + last.length || !value.endsWith(last)) return false;
  // Greedy left-to-right over the middle pieces; no regex, so no pathological backtracking.
  let at = first.length;
  const end = value.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const i = value.indexOf(piece, at);
    if (i < 0 || i + piece.length > end) return false;
    at = i + piece.length;
  }
  return true;
}

/** Whether a selector covers `namespace` in `cluster`. */
export function selectorMatches(sel: Selector, cluster: string, namespace: string): boolean {
  return globMatch(sel.cluster, cluster) && globMatch(sel.namespace, namespace);
}

/**
 * Whether any selector covers `namespace` in `cluster`; with namespace
 * undefined, whether any selector reaches into the cluster at all (the
 * caller may then see the cluster's health, not its other namespaces).
 */
export function anySelectorMatches(selectors: readonly Selector[], cluster: string, namespace?: string): boolean {
  return selectors.some((s) => (namespace === undefined ? globMatch(s.cluster, cluster) : selectorMatches(s, cluster, namespace)));
}
