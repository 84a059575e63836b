/**
 * Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof` or
 * Chromium's Profiler) as the functions with the most self and total time.
 *   node --import tsx server/bench/profile-summary.ts FILE [count]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
}

const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(\.next|server|lib|app)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};

/** Top functions by self time, and by total (inclusive) time, as % of all samples. */
export function summarise(p: CpuProfile, count = 15): { self: Array<{ fn: string; sharePct: number }>; total: Array<{ fn: string; sharePct: number }> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  // Iterative walk carrying the set of functions on the stack (recursion counted once).
  const stack: Array<{ id: number; above: Set<string> }> = [{ id: p.nodes[0]!.id, above: new Set() }];
  while (stack.length) {
    const { id, above } = stack.pop()!;
    const n = byId.get(id)!;
    const name = label(n);
    const here = new Set(above).add(name);
    const hits = n.hitCount ?? 0;
    all += hits;
    self.set(name, (self.get(name) ?? 0) + hits);
    for (const f of here) total.set(f, (total.get(f) ?? 0) + hits);
    for (const c of n.children ?? []) stack.push({ id: c, above: here });
  }
  const top = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, count).map(([fn, h]) => ({ fn, sharePct: Number(((h / (all || 1)) * 100).toFixed(1)) }));
  return { self: top(self), total: top(total) };
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const s = summarise(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CpuProfile, Number(process.argv[3] ?? 20));
  process.stdout.write(`${JSON.stringify(s, null, 1)}\n`);
}
