/**
 * The topology answer grouped by namespace, as GET /api/v1/topology answers
 * `group=` and as the page draws it: the same pure aggregation
 * (aggregate.ts) on the server and in tests that serve the page a graph.
 */
import type { GroupedTopology, Topology } from '../api/topology';
import { runToEnd, type Paced } from '../topology/paced';
import { aggregateByNamespacePaced, isGrouped, namespaceSummaries, type Grouping } from './aggregate';

/**
 * The answer with every namespace not in `expand` folded into one group node
 * (aggregateByNamespace), or `t` itself when `group` does not group a graph of
 * this size. `stats` stay those of the whole graph; `grouping` lists every
 * namespace that groups nodes and the ones answered node by node.
 */
export function groupTopology(t: Topology, group: Grouping | undefined, expand: readonly string[] = []): GroupedTopology {
  return runToEnd(groupTopologyPaced(t, group, expand));
}

/** groupTopology with pause points (lib/topology/paced.ts). */
export function* groupTopologyPaced(t: Topology, group: Grouping | undefined, expand: readonly string[] = []): Paced<GroupedTopology> {
  if (group === undefined || !isGrouped(t.elements, group)) return t;
  const namespaces = namespaceSummaries(t.elements);
  yield;
  const asked = new Set(expand);
  const expanded = namespaces.filter((n) => asked.has(n.namespace)).map((n) => n.namespace);
  const elements = yield* aggregateByNamespacePaced(t.elements, new Set(expanded));
  return { ...t, elements, grouping: { by: 'namespace', namespaces, expanded } };
}
