/**
 * The long synchronous stretches of a V8 CPU profile (.cpuprofile): runs of
 * samples with no `(idle)` sample between them, i.e. the event loop busy
 * without a break. For each stretch longer than `--min` ms: when it started
 * (s after the profile's start), how long it ran, and the functions with the
 * most total (inclusive) time inside it. Then the same functions summed over
 * every such stretch.
 *   node --import tsx server/bench/profile-stretches.ts FILE [--min 50] [--top 8] [--from S] [--to S] [--list 15]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const argOf = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(\.next|server|lib|app)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};

/** Stretches of a profile and what ran in them. */
export function stretches(p: Profile, minMs: number, fromS = 0, toS = Infinity) {
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = new Map<number, string[]>();
  const stack = (id: number): string[] => {
    let s = stackOf.get(id);
    if (!s) {
      s = [];
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) s.push(label(byId.get(x)!));
      stackOf.set(id, s);
    }
    return s;
  };
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
  const out: Array<{ atS: number; ms: number; top: Array<[string, number]> }> = [];
  const overall = new Map<string, number>();
  let t = p.startTime;
  let cur: { start: number; end: number; samples: Array<[number, number]> } | undefined;
  const close = () => {
    if (!cur) return;
    const ms = (cur.end - cur.start) / 1000;
    const atS = (cur.start - p.startTime) / 1e6;
    if (ms >= minMs && atS >= fromS && atS <= toS) {
      const total = new Map<string, number>();
      for (const [id, dt] of cur.samples) for (const f of new Set(stack(id))) total.set(f, (total.get(f) ?? 0) + dt / 1000);
      for (const [f, v] of total) overall.set(f, (overall.get(f) ?? 0) + v);
      out.push({ atS: Math.round(atS * 100) / 100, ms: Math.round(ms), top: [...total].sort((a, b) => b[1] - a[1]).map(([f, v]) => [f, Math.round(v)] as [string, number]) });
    }
    cur = undefined;
  };
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    const id = p.samples[i]!;
    if (idle(id)) {
      close();
      continue;
    }
    if (!cur) cur = { start: t - dt, end: t, samples: [] };
    cur.end = t;
    cur.samples.push([id, p.timeDeltas[i + 1] ?? dt]);
  }
  close();
  return { stretches: out, overall: [...overall].sort((a, b) => b[1] - a[1]).map(([f, v]) => [f, Math.round(v)] as [string, number]) };
}

if (process.argv[1]?.endsWith('profile-stretches.ts')) {
  const p = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Profile;
  const { stretches: s, overall } = stretches(p, argOf('min', 50), argOf('from', 0), argOf('to', Infinity));
  const top = argOf('top', 8);
  const totalMs = s.reduce((a, x) => a + x.ms, 0);
  process.stdout.write(`${s.length} stretches >= ${argOf('min', 50)} ms, ${totalMs} ms in all; longest: ${Math.max(0, ...s.map((x) => x.ms))} ms\n`);
  for (const x of [...s].sort((a, b) => b.ms - a.ms).slice(0, argOf('list', 15))) {
    process.stdout.write(`\n@${x.atS}s ${x.ms} ms\n${x.top.filter(([f]) => !f.startsWith('(root)')).slice(0, top).map(([f, v]) => `  ${v} ms ${f}`).join('\n')}\n`);
  }
  process.stdout.write(`\nover all of them (inclusive ms):\n${overall.filter(([f]) => !f.startsWith('(root)')).slice(0, top * 3).map(([f, v]) => `  ${v} ${f}`).join('\n')}\n`);
}
