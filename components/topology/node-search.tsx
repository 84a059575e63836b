'use client';

import { useId, useState } from 'react';
import { fetchTopologyNodes, useTopologyNodes, type TopologyParams } from '@/lib/api/topology';
import type { ViewNodeData } from '@/lib/topology-view/aggregate';

export interface NodeSearchProps {
  /** The nodes drawn. */
  nodes: ReadonlyArray<{ data: ViewNodeData }>;
  /** While grouped: the graph's query, to find nodes inside collapsed namespaces on the server. */
  search?: TopologyParams;
  onPick: (id: string) => void;
}

type Candidate = Pick<ViewNodeData, 'id' | 'name' | 'version' | 'namespace' | 'cluster' | 'kind'>;

const label = (n: Candidate) => (n.kind === 'namespaceGroup' ? `${n.name} (namespace)` : `${n.name}${n.kind === 'versionedApp' && n.version ? ` ${n.version}` : ''} (${n.namespace ?? ''} @ ${n.cluster})`);

/**
 * Finds a node by name and focuses it; the datalist keeps it keyboard-only
 * friendly. A grouped page has not downloaded the nodes of collapsed
 * namespaces: those are asked of the server (GET /api/v1/topology/nodes).
 */
export function NodeSearch({ nodes, search, onPick }: NodeSearchProps) {
  const listId = useId();
  const [text, setText] = useState('');
  const remote = useTopologyNodes(search, text);
  const drawn: Candidate[] = nodes.map((n) => n.data).filter((d) => d.kind !== 'cluster' && d.kind !== 'namespace' && d.kind !== 'appBox');
  const seen = new Set(drawn.map((d) => d.id));
  const candidates = [...drawn, ...(remote.data?.data.items ?? []).filter((n) => !seen.has(n.id))];
  const find = (list: readonly Candidate[], value: string) => list.find((n) => label(n) === value) ?? list.find((n) => n.name.toLowerCase().includes(value.toLowerCase()));
  async function pick(value: string) {
    let hit = find(candidates, value);
    if (!hit && search && value.trim()) hit = find((await fetchTopologyNodes(search, value.trim())).data.items, value);
    if (hit) onPick(hit.id);
  }
  return (
    <form
      role="search"
      aria-label="Find a node"
      onSubmit={(e) => {
        e.preventDefault();
        void pick(text).catch(() => undefined);
      }}
      className="flex items-center gap-1"
    >
      <input
        type="search"
        list={listId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (candidates.some((n) => label(n) === e.target.value)) void pick(e.target.value).catch(() => undefined);
        }}
        aria-label="Find a node in the graph"
        placeholder="Find node…"
        className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-[13px] dark:border-slate-700 dark:bg-slate-900"
      />
      <datalist id={listId}>
        {candidates.slice(0, 500).map((n) => <option key={n.id} value={label(n)} />)}
      </datalist>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-[13px] hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800" aria-label="Focus" title="Focus the node">
        <span aria-hidden="true">→</span>
      </button>
    </form>
  );
}
