import type { FindingItem } from '../api/findings';
import { plural } from './format';
import type { Problem } from './problems';

const enc = encodeURIComponent;

/**
 * Meshglass findings that describe the fleet's live state rather than a
 * configuration choice: a network other clusters cannot reach, control planes
 * or proxies outside Istio's supported skew. They are problems now, so the
 * overview lists them with the live ones instead of among standing findings.
 */
export const LIVE_STATE_CODES: ReadonlySet<string> = new Set(['MG0006', 'MG0012', 'MG0013']);

/** The live problem a fleet-state finding stands for; undefined for every other code. */
function problemOf(f: FindingItem): Problem | undefined {
  const first = f.objects[0];
  const cluster = first?.cluster ?? f.clusters[0];
  switch (f.code) {
    case 'MG0006':
      return { id: `finding/${f.id}`, kind: 'discovery', severity: 'critical', title: `Other clusters cannot reach ${cluster}: its east-west gateway has no address`, detail: f.message, href: '/clusters#networks-heading', cluster };
    case 'MG0012':
      return { id: `finding/${f.id}`, kind: 'control-plane', severity: 'warning', title: `istiod versions are skewed across ${plural(f.clusters.length, 'cluster')}: ${f.clusters.join(', ')}`, detail: f.message, href: '/clusters' };
    case 'MG0013':
      return { id: `finding/${f.id}`, kind: 'control-plane', severity: 'warning', title: `Proxies in ${cluster} run outside the supported version skew`, detail: f.message, href: `/clusters/${enc(cluster ?? '')}#proxies`, cluster };
    default:
      return undefined;
  }
}

/** The live problems among the findings, one per finding. */
export function fleetStateProblems(findings: readonly FindingItem[]): Problem[] {
  return findings.flatMap((f) => {
    const p = problemOf(f);
    return p ? [p] : [];
  });
}
