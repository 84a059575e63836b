'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useGroupedTopology, type TopologyParams } from '@/lib/api/topology';
import { expandedNamespaces, groupId, namespaceOfNodeId, type ViewElements } from '@/lib/topology-view/aggregate';
import { graphSize, LARGE_GRAPH_NODES } from '@/lib/topology-view/graph-size';
import { positionsStorageKey } from '@/lib/topology-view/positions';
import { parseTopologyViewState, serialiseTopologyViewState } from '@/lib/topology-view/view-state';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { useUrlState } from '@/components/ui/use-url-state';
import type { GraphApi } from './cytoscape-graph';
import { NamespaceGrouping } from './namespace-grouping';
import { NodeSearch } from './node-search';
import { preloadTopologyCanvas, TopologyCanvas } from './topology-canvas';
import { TopologyLegend } from './topology-legend';
import { TopologyProblems } from './topology-problems';
import { TopologySidePanel } from './topology-side-panel';
import { TopologyToolbar } from './topology-toolbar';

const NO_NODES: ViewElements = { nodes: [], edges: [] };

/** The traffic graph page: options in the URL, the graph (grouped by namespace when large), a legend, search and the selected node's panel. */
export function TopologyView() {
  const [state, setState] = useUrlState(parseTopologyViewState, serialiseTopologyViewState);
  const base: TopologyParams = { graphType: state.graphType, window: state.window, clusters: state.clusters, namespaces: state.namespaces, hideIdle: state.hideIdle ? 'true' : 'false' };
  // Large graphs come grouped by namespace from the server (lib/topology-view/grouped-topology.ts); the focused node's namespace is always open.
  const expanded = useMemo(() => expandedNamespaces(state.group === 'off' ? [] : state.expand, state.focus), [state.group, state.expand, state.focus]);
  const query = useGroupedTopology({ ...base, group: state.group, expand: state.group === 'off' ? [] : [...expanded].sort() });
  // Unfiltered lists for the option pickers, so picking one cluster does not empty the list.
  const [known, setKnown] = useState<{ clusters: string[]; namespaces: string[] }>({ clusters: [], namespaces: [] });
  const api = useRef<GraphApi | null>(null);
  useEffect(preloadTopologyCanvas, []);
  const groupingInfo = query.data?.data.grouping;
  const grouped = groupingInfo !== undefined;
  const view: ViewElements = query.data?.data.elements ?? NO_NODES;
  const options = useMemo(() => {
    const clusters = [...new Set([...known.clusters, ...Object.keys(query.data?.clusters ?? {})])].sort();
    const namespaces = [...new Set([...known.namespaces, ...view.nodes.filter((n) => n.data.kind === 'namespace').map((n) => n.data.name), ...(groupingInfo?.namespaces.map((n) => n.namespace) ?? [])])].sort();
    return { clusters, namespaces };
  }, [view, groupingInfo, query.data?.clusters, known]);
  // While an expansion is fetched the last answer stays drawn.
  const expanding = query.isPlaceholderData;

  function expand(ns: string) {
    setState({ expand: [...state.expand, ns], focus: state.focus === groupId(ns) ? undefined : state.focus });
  }
  function collapse(ns: string) {
    // A focused node inside keeps its namespace open: select the group instead.
    const inside = state.focus !== undefined && namespaceOfNodeId(state.focus) === ns;
    setState({ expand: state.expand.filter((x) => x !== ns), focus: inside ? groupId(ns) : state.focus });
  }

  function exportPng() {
    const url = api.current?.png();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `meshglass-topology-${state.graphType}.png`;
    a.click();
  }

  const grouping = (
    <NamespaceGrouping
      grouping={state.group}
      grouped={grouped}
      namespaces={groupingInfo?.namespaces ?? []}
      expanded={expanded}
      onGrouping={(group) => setState({ group })}
      onToggle={(ns, open) => (open ? expand(ns) : collapse(ns))}
      onCollapseAll={() => setState({ expand: [], focus: undefined })}
    />
  );
  const focus = (id: string | undefined) => setState({ focus: id });

  return (
    // The page is the graph: toolbar on top, canvas taking the rest of the main column, stats and legend under it.
    <div className="flex h-full min-h-[28rem] flex-col gap-2">
      <TopologyToolbar
        state={state}
        clusters={options.clusters}
        namespaces={options.namespaces}
        onChange={(next) => {
          setKnown(options);
          setState(next);
        }}
        onExport={exportPng}
        onFit={() => api.current?.fit()}
        grouping={grouping}
        search={query.data ? <NodeSearch nodes={view.nodes} search={grouped ? base : undefined} onPick={focus} /> : null}
        problems={query.data ? <TopologyProblems nodes={view.nodes} onPick={focus} /> : null}
      />
      <QueryView query={query} what="the traffic graph">
        {(res) => {
          // Large graphs are laid out on a grid by box whatever layout is picked (graph-size.ts); so are grouped
          // ones: 25 namespaces of 5,000 workloads have ~1,100 edges between them, and expanding one only adds rows.
          const large = grouped || graphSize(view.nodes.length) === 'large';
          const empty = res.data.elements.edges.length === 0 && res.data.elements.nodes.length === 0;
          return (
            <>
              <ClusterBanners clusters={res.clusters} />
              {empty ? (
                <EmptyState title="No traffic in this window">Nothing was reported by Istio&apos;s metrics for these filters; widen the window or clear filters.</EmptyState>
              ) : (
                <div className="flex min-h-0 flex-1 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800" aria-busy={expanding}>
                  <div className="relative min-w-0 flex-1 bg-white dark:bg-slate-900">
                    <TopologyCanvas
                      elements={view}
                      labelMode={state.label}
                      layout={state.layout}
                      storageKey={positionsStorageKey(state.graphType, grouped ? 'grid-grouped' : large ? 'grid' : state.layout)}
                      large={large}
                      focus={state.focus}
                      onSelect={focus}
                      onExpand={expand}
                      onReady={(a) => (api.current = a)}
                    />
                    <button type="button" onClick={() => api.current?.fit()} className="absolute top-2 right-2 rounded-md border border-slate-300 bg-white/90 px-1.5 py-0.5 text-xs shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-800/90 dark:hover:bg-slate-700" title="Fit the graph to the canvas">
                      Fit
                    </button>
                    {expanding ? (
                      <p role="status" className="absolute top-2 left-2 rounded bg-white/90 px-2 py-1 text-xs text-slate-600 shadow dark:bg-slate-800/90 dark:text-slate-300" data-testid="topology-expanding">
                        Loading the expanded namespaces…
                      </p>
                    ) : null}
                  </div>
                  {state.focus ? (
                    <TopologySidePanel elements={view} nodeId={state.focus} onClose={() => focus(undefined)} onPick={focus} onExpand={grouped ? expand : undefined} onCollapse={grouped ? collapse : undefined} />
                  ) : null}
                </div>
              )}
              <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-0.5">
                <p className="text-[11px] text-slate-500 dark:text-slate-400" data-testid="topology-stats">
                  {res.data.stats.nodes} nodes{groupingInfo ? ` in ${groupingInfo.namespaces.length} namespaces` : ''}, {res.data.stats.edges} edges ({res.data.stats.crossClusterEdges} cross-cluster) in {res.data.stats.clusters} clusters · {res.data.stats.totalRps.toFixed(1)} req/s
                  {grouped ? ` · drawn as ${view.nodes.length} nodes and ${view.edges.length} edges, grouped by namespace` : ''}
                  {large && !grouped ? ` · over ${LARGE_GRAPH_NODES} nodes: laid out on a grid by cluster and namespace, cross-cluster edges not dashed` : ''}
                  {grouped ? ' · laid out on a grid, cross-cluster edges not dashed' : ''}
                </p>
                <TopologyLegend />
              </div>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
