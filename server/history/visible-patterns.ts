import 'server-only';
import type { Selector } from '@/lib/access/selector';

/**
 * A selector glob (`*` = any run, see lib/access/selector.ts) as a LIKE
 * pattern for `ESCAPE '\'`. Selectors hold only [a-z0-9.*-], but `%`, `_`
 * and `\` are escaped anyway so no input can widen a match.
 */
export function globToLike(glob: string): string {
  return glob.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

/** The selectors as two parallel LIKE arrays, for `unnest($clusters, $namespaces)`. */
export function visiblePatterns(selectors: readonly Selector[]): { clusters: string[]; namespaces: string[] } {
  return { clusters: selectors.map((s) => globToLike(s.cluster)), namespaces: selectors.map((s) => globToLike(s.namespace)) };
}
