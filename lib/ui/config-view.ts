import { stringify } from 'yaml';

/** The identity of "the same object" across clusters. */
export const configKey = (o: { group: string; kind: string; namespace: string; name: string }) => `${o.group}/${o.kind}/${o.namespace}/${o.name}`;

/** Parses a configKey back; undefined when malformed. */
export function parseConfigKey(key: string | undefined): { group: string; kind: string; namespace: string; name: string } | undefined {
  const parts = key?.split('/');
  if (!parts || parts.length !== 4 || parts.some((p, i) => !p && i !== 0)) return undefined;
  const [group = '', kind = '', namespace = '', name = ''] = parts;
  return { group, kind, namespace, name };
}

/** Groups per-cluster config objects into one row per object, listing the clusters that hold it. */
export function groupConfigObjects<T extends { group: string; kind: string; namespace: string; name: string; cluster: string }>(items: readonly T[]): { key: string; first: T; clusters: string[] }[] {
  const rows = new Map<string, { key: string; first: T; clusters: string[] }>();
  for (const o of items) {
    const key = configKey(o);
    const row = rows.get(key);
    if (row) row.clusters.push(o.cluster);
    else rows.set(key, { key, first: o, clusters: [o.cluster] });
  }
  return [...rows.values()];
}

/** The YAML the config view shows: spec (and status when present), keys in a stable order. */
export function configYaml(o: { spec: unknown; status?: unknown }): string {
  return stringify(o.status === undefined ? { spec: o.spec } : { spec: o.spec, status: o.status }, { sortMapEntries: true, lineWidth: 0 });
}

/**
 * Lines for a side-by-side view of the same object in several clusters: each
 * line is marked `differs` when the text at that line is not the same in all.
 * Line-by-line is enough here: sorted keys keep equal objects aligned.
 */
export function sideBySide(texts: readonly string[]): { text: string; differs: boolean }[][] {
  const split = texts.map((t) => t.replace(/\n$/, '').split('\n'));
  const max = Math.max(0, ...split.map((l) => l.length));
  const differs = Array.from({ length: max }, (_, i) => new Set(split.map((l) => l[i] ?? '\u0000')).size > 1);
  return split.map((lines) => lines.map((text, i) => ({ text, differs: differs[i] ?? false })));
}
