#!/usr/bin/env node
/**
 * Reads Istio's analyzer test tables (analyzers_test.go and
 * multicluster_analyzers_test.go, on stdin one after the other) and the
 * message catalogue (argument), and prints the cases as JSON data: input
 * files, mesh config files, the analyzer, and the expected (code, object)
 * pairs. refresh.sh runs it; tests compare Meshglass's analysis with it.
 *
 *   node istio-analyzer-cases.mjs analysis-messages.yaml < tests.go > analyzer-cases.json
 */
import { readFileSync } from 'node:fs';

const catalogue = readFileSync(process.argv[2], 'utf8');
const codeOf = new Map();
for (const m of catalogue.matchAll(/- name: "?(\w+)"?\s*\n\s*code: (IST\d{4})/g)) codeOf.set(m[1], m[2]);

const source = readFileSync(0, 'utf8');

/** The body of each `{ ... }` element of the Go slice literal starting at `start`. */
function elements(text, start) {
  const out = [];
  let depth = 0;
  let from = -1;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = text.indexOf('"', i + 1);
      continue;
    }
    if (ch === '{') {
      depth++;
      if (depth === 2) from = i;
    } else if (ch === '}') {
      if (depth === 2) out.push(text.slice(from + 1, i));
      depth--;
      if (depth === 0) return out;
    }
  }
  throw new Error('unterminated test grid');
}

const strings = (s) => [...(s ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]);
const field = (body, name) => body.match(new RegExp(`\\b${name}:\\s*"([^"]*)"`))?.[1];
const list = (body, name) => body.match(new RegExp(`\\b${name}:\\s*\\[\\]string\\{([^}]*)\\}`))?.[1];

function parseCase(body, multi) {
  const analyzer = body.match(/\banalyzer:\s*&?([\w.]+(?:\([\w.]*\))?)/)?.[1]?.replace(/\{\}$/, '');
  const expectedBody = body.match(/\bexpected:\s*\[\]message\{([\s\S]*)\}\s*,?\s*(?:skipAll|$)/)?.[1] ?? '';
  const expected = [...expectedBody.matchAll(/\{\s*msg\.(\w+),\s*"([^"]*)"\s*\}/g)].map(([, type, origin]) => {
    const code = codeOf.get(type);
    if (!code) throw new Error(`message ${type} is not in the catalogue`);
    return { code, message: type, origin };
  });
  const c = { name: field(body, 'name'), analyzer, expected };
  if (multi) {
    c.clusters = { cluster1: strings(list(body, 'cluster1InputFiles')), cluster2: strings(list(body, 'cluster2InputFiles')) };
  } else {
    c.inputFiles = strings(list(body, 'inputFiles'));
    const mesh = field(body, 'meshConfigFile');
    const networks = field(body, 'meshNetworksFile');
    if (mesh) c.meshConfigFile = mesh;
    if (networks) c.meshNetworksFile = networks;
    if (/\bskipAll:\s*true/.test(body)) c.skipAll = true;
  }
  if (!c.name || !c.analyzer) throw new Error(`unreadable test case: ${body.slice(0, 200)}`);
  return c;
}

const cases = [];
for (const [grid, multi] of [['testGrid', false], ['mcTestGrid', true]]) {
  const at = source.search(new RegExp(`var ${grid} = \\[\\]\\w+\\{`));
  if (at < 0) throw new Error(`no ${grid} in the input`);
  for (const body of elements(source, at)) cases.push(parseCase(body, multi));
}
process.stdout.write(`${JSON.stringify(cases, null, 1)}\n`);
