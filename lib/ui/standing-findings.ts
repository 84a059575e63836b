import type { FindingItem } from '../api/findings';
import { AMBIGUOUS_KINDS, CONFIG_KIND_GROUPS } from './config-kind-groups';
import { configKey } from './config-view';
import { LIVE_STATE_CODES } from './fleet-state-problems';
import { groupFindings } from './problems';
import { serviceHref } from './service-href';

/** The config kinds whose objects the config browser shows; other subjects link to their own pages. */
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Namespace', 'Node', 'ConfigMap', 'Secret', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
const enc = encodeURIComponent;

/** Where a finding's subject is shown, with its cluster: the object compared across clusters, the Service's page, or the cluster. */
export function findingHref(o: FindingItem['objects'][number] | undefined): string {
  if (!o) return '/config';
  if (o.kind === 'Service') return serviceHref(o.namespace, o.name, undefined, o.cluster);
  if (WORKLOAD_KINDS.has(o.kind) || !o.namespace) return o.cluster ? `/clusters/${enc(o.cluster)}` : '/clusters';
  // A Gateway may be Istio's or the Gateway API's (a waypoint): the list filtered to the name shows whichever it is.
  const group = AMBIGUOUS_KINDS.has(o.kind) ? undefined : CONFIG_KIND_GROUPS[o.kind];
  // A known kind opens the object's cluster-by-cluster comparison; an unknown one, the list filtered to it.
  if (group) return `/config?kind=${enc(o.kind)}&cluster=${enc(o.cluster)}&object=${enc(configKey({ group, kind: o.kind, namespace: o.namespace, name: o.name }))}`;
  return `/config?kind=${enc(o.kind)}&cluster=${enc(o.cluster)}&namespace=${enc(o.namespace)}&q=${enc(o.name)}`;
}

/** One finding as the standing list shows it. */
export interface StandingFinding {
  id: string;
  message: string;
  clusters: string[];
  href: string;
}

/** Findings of one code: Istio's level kept as Istio names it, never turned into a live severity. */
export interface StandingGroup {
  code: string;
  name: string;
  level: FindingItem['level'];
  findings: StandingFinding[];
  clusters: string[];
}

const LEVEL_ORDER: Record<FindingItem['level'], number> = { Error: 0, Warning: 1, Info: 2 };

/**
 * Configuration findings grouped by code, Error before Warning before Info,
 * then the codes with most findings; the same finding repeated across
 * clusters (one sample applied everywhere) is one line naming them all.
 */
export function standingFindings(items: readonly FindingItem[]): StandingGroup[] {
  const byCode = new Map<string, StandingGroup>();
  const first = new Map(items.map((f) => [f.id, f.objects[0]]));
  // Findings about the fleet's live state are listed as problems now, not here.
  const standing = items.filter((i) => !LIVE_STATE_CODES.has(i.code));
  for (const f of groupFindings(standing.map((i) => ({ id: i.id, code: i.code, level: i.level, message: i.message, clusters: i.clusters })))) {
    const item = standing.find((i) => i.id === f.id)!;
    const g = byCode.get(f.code) ?? { code: f.code, name: item.name, level: item.level, findings: [], clusters: [] };
    g.findings.push({ id: f.id, message: f.message, clusters: f.clusters, href: findingHref(first.get(f.id)) });
    g.clusters = [...new Set([...g.clusters, ...f.clusters])].sort();
    byCode.set(f.code, g);
  }
  return [...byCode.values()].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.findings.length - a.findings.length || a.code.localeCompare(b.code));
}
