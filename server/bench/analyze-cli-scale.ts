/**
 * Benchmark (not a test): `meshglass analyze` as a user runs it, over the
 * manifests of many clusters of one mesh (the simulator's generated objects
 * and problem config, one JSON file per cluster), timing the whole process
 * and its peak RSS. istioctl analyze has been reported OOM-killed on a
 * 24-cluster mesh (istio/istio#52951); this runs 24 clusters of the M fleet's
 * density by default.
 *   node --conditions=react-server --import tsx server/bench/analyze-cli-scale.ts [clusters] [services] [pods] [json|yaml]
 * YAML input is parsed by the YAML parser, JSON by JSON.parse (server/analysis/manifest-loader.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildCluster, FleetIndex } from '../sim/fleet/build-cluster';
import { generatedFleet } from '../sim/fleet/generated-fleet';
import { createCa } from '../sim/pki';
import { problemObjects } from './generated-model';

const [clusters, services, pods] = [Number(process.argv[2] ?? 24), Number(process.argv[3] ?? 200), Number(process.argv[4] ?? 5)];
const format = process.argv[5] === 'yaml' ? 'yaml' : 'json';
const spec = generatedFleet({ clusters, namespaces: 10, services, pods, seed: 1 });
const roots: Record<string, string> = {};
for (const m of spec.meshes) roots[m.rootId] ??= createCa(`${m.id} root`).certPem;
const index = new FleetIndex(spec);
const apiCaPem = createCa('api').certPem;
const dir = mkdtempSync(path.join(os.tmpdir(), 'meshglass-analyze-bench-'));
const args: string[] = [];
let objects = 0;
let bytes = 0;
try {
  const svc = spec.services.map((s) => ({ name: s.name, namespace: s.namespace }));
  for (const [i, c] of spec.clusters.entries()) {
    const built = buildCluster(index, c.name, { roots, apiCaPem });
    const items = [...built.objects, ...built.pods.map((p) => p.object), ...problemObjects(i, svc)];
    const file = path.join(dir, `${c.name}.${format}`);
    const list = { apiVersion: 'v1', kind: 'List', items };
    writeFileSync(file, format === 'json' ? JSON.stringify(list) : stringify(list));
    objects += items.length;
    bytes += statSync(file).size;
    args.push('--cluster', `${c.name}=${file}`);
  }
  // The child reports its own peak RSS as it exits.
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"))';
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', report, 'server/cli/meshglass.mjs', 'analyze', ...args, '-o', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Math.round(performance.now() - t);
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0 && r.status !== 3) throw new Error(`meshglass analyze exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const findings = JSON.parse(r.stdout) as Array<{ code: string }>;
  console.log(JSON.stringify({
    format, clusters, services, podsPerService: pods, objects, inputMiB: Math.round(bytes / 2 ** 20),
    exit: r.status, wallMs: ms, maxRssMiB: Math.round(rss / 1024), findings: findings.length,
    findingsByCode: Object.fromEntries([...new Set(findings.map((f) => f.code))].sort().map((c) => [c, findings.filter((f) => f.code === c).length])),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
