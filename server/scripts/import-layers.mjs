#!/usr/bin/env node
// The layering rule of the source tree, checked from the import statements:
// each folder may import only folders below it, so no arrow points up and no
// two folders import each other. Tests and test support are exempt (they may
// reach anything, as a user would). `node server/scripts/import-layers.mjs`
// prints each offending import and exits 1; `npm run lint` runs it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Top to bottom. A folder imports only folders of a later rank; folders of one rank do not import each other. */
export const LAYERS = [
  ['app'],
  ['server/scripts', 'server/bench', 'server/cli', 'server/deploy'],
  ['server/http'],
  ['server/runtime'],
  ['server/changes'],
  ['server/analysis'],
  ['server/access', 'server/telemetry'],
  ['server/fleet'],
  ['server/clusters'],
  ['server/istiod', 'server/config'],
  ['server/sim'],
  ['server/history'],
  ['server/log', 'server/errors', 'server/util', 'server/vendor'],
  ['components'],
  ['lib'],
];

const rankOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])));
const isTestSupport = (rel) => /\.test\.tsx?$/.test(rel) || rel.includes('/testing/') || rel.startsWith('server/testing/') || rel.includes('__fixtures__') || rel === 'app/api/v1/route-test-support.ts';

/** The folder a repository path belongs to ('server/fleet/model.ts' -> 'server/fleet'), or undefined for files outside the layers. */
export function folderOf(rel) {
  const parts = rel.split('/');
  const folder = parts[0] === 'server' ? (parts.length > 2 ? `server/${parts[1]}` : undefined) : parts[0];
  return folder && rankOf.has(folder) ? folder : undefined;
}

function sourceFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      if (f === 'node_modules' || f.startsWith('.')) continue;
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs)$/.test(f)) out.push(p);
    }
  };
  for (const top of ['app', 'components', 'lib', 'server']) walk(path.join(root, top));
  return out;
}

/** Every import that breaks the layering, as 'file: imports target (folder A may not import folder B)'. */
export function layerViolations(root) {
  const problems = [];
  for (const file of sourceFiles(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const from = folderOf(rel);
    if (!from || isTestSupport(rel)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s+['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      const target = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/') : undefined;
      const to = target && folderOf(target);
      if (!to || to === from) continue;
      if (rankOf.get(to) <= rankOf.get(from)) problems.push(`${rel}: imports ${spec} (${from} may not import ${to})`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const problems = layerViolations(root);
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error(`${problems.length} import(s) against the layering (server/scripts/import-layers.mjs)`);
    process.exit(1);
  }
}
