import type { Waypoint } from '../fleet/ambient';
import { serviceHref } from './service-href';

/** A waypoint row as the cluster page shows it. */
export interface WaypointView {
  /** At least one pod ready and the Gateway not reported unprogrammed: traffic through it can flow. */
  ready: boolean;
  /** Why it is not (fully) ready, when it is not. */
  problem?: string;
  services: { ref: string; href: string }[];
}

/** 'ns/name' split at the first slash. */
export function splitRef(ref: string): { namespace: string; name: string } {
  const i = ref.indexOf('/');
  return i < 0 ? { namespace: '', name: ref } : { namespace: ref.slice(0, i), name: ref.slice(i + 1) };
}

/** Readiness and links of one waypoint in `cluster`: each bound service opens its page with this cluster's column marked. */
export function waypointView(w: Waypoint, cluster: string): WaypointView {
  const problems: string[] = [];
  if (w.ready === 0) problems.push(w.desired === 0 ? 'no pods' : 'no pod ready');
  else if (w.ready < w.desired) problems.push(`${w.ready} of ${w.desired} pods ready`);
  if (w.programmed === false) problems.push('Gateway not Programmed');
  const services = [...w.services].sort().map((ref) => {
    const s = splitRef(ref);
    return { ref, href: serviceHref(s.namespace, s.name, undefined, cluster) };
  });
  return { ready: w.ready > 0 && w.programmed !== false, ...(problems.length ? { problem: problems.join('; ') } : {}), services };
}
