'use client';

import { useId, useState } from 'react';
import type { Topology } from '@/lib/api/topology';

export interface NodeSearchProps {
  nodes: Topology['elements']['nodes'];
  onPick: (id: string) => void;
}

/** Finds a node by name and focuses it; the datalist keeps it keyboard-only friendly. */
export function NodeSearch({ nodes, onPick }: NodeSearchProps) {
  const listId = useId();
  const [text, setText] = useState('');
  const candidates = nodes.filter((n) => n.data.kind !== 'cluster' && n.data.kind !== 'namespace');
  const label = (n: (typeof candidates)[number]) => `${n.data.name}${n.data.version ? ` ${n.data.version}` : ''} (${n.data.namespace ?? ''} @ ${n.data.cluster})`;
  function pick(value: string) {
    const hit = candidates.find((n) => label(n) === value) ?? candidates.find((n) => n.data.name.toLowerCase().includes(value.toLowerCase()));
    if (hit) onPick(hit.data.id);
  }
  return (
    <form
      role="search"
      aria-label="Find a node"
      onSubmit={(e) => {
        e.preventDefault();
        pick(text);
      }}
      className="flex items-center gap-2"
    >
      <input
        type="search"
        list={listId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (candidates.some((n) => label(n) === e.target.value)) pick(e.target.value);
        }}
        aria-label="Find a node in the graph"
        placeholder="Find node…"
        className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <datalist id={listId}>
        {candidates.slice(0, 500).map((n) => <option key={n.data.id} value={label(n)} />)}
      </datalist>
      <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700">Focus</button>
    </form>
  );
}
