/**
 * Reads manifests for offline analysis: files or directories (recursively,
 * *.yaml|*.yml|*.json), multi-document YAML, List kinds flattened. No
 * 'server-only' here: the CLI runs it under plain Node. A YAML error names
 * the file and line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, loadAll, YAMLException } from 'js-yaml';

/** Input that cannot be read or parsed (the CLI exits 2). */
export class InputError extends Error {}

function files(p: string): string[] {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new InputError(`${p}: no such file or directory`);
  }
  if (!st.isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((n) => {
    const child = path.join(p, n);
    if (statSync(child).isDirectory()) return files(child);
    return /\.(ya?ml|json)$/i.test(n) ? [child] : [];
  });
}

/**
 * Every object of a YAML text; throws InputError with file:line for a syntax
 * error. js-yaml, with the core schema (timestamps stay strings, as Kubernetes
 * reads them): several times faster than the `yaml` package's document model
 * on large dumps.
 */
export function parseManifestText(text: string, file: string): unknown[] {
  const out: unknown[] = [];
  let docs: unknown[];
  try {
    docs = [];
    loadAll(text, (d) => docs.push(d), { schema: CORE_SCHEMA, filename: file });
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const at = err.mark ? `${err.mark.line + 1}:${err.mark.column + 1}` : '?';
    throw new InputError(`${file}:${at}: invalid YAML: ${err.reason}`);
  }
  for (const doc of docs) {
    const v = doc as { kind?: string; items?: unknown[] } | null;
    if (!v || typeof v !== 'object') continue;
    if (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) out.push(...v.items);
    else out.push(v);
  }
  return out;
}

/** Every object of a JSON file (one object or a List); JSON.parse is many times faster than the YAML parser on large files. */
function parseJsonText(text: string, file: string): unknown[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    // Not JSON after all (a .json file holding YAML): the YAML parser says where it is wrong.
    if (/^\s*[[{]/.test(text)) throw new InputError(`${file}: invalid JSON: ${(err as Error).message}`);
    return parseManifestText(text, file);
  }
  const o = v as { kind?: unknown; items?: unknown } | null;
  if (!o || typeof o !== 'object') return [];
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items) ? o.items : [o];
}

/** Objects of every manifest under the given paths. */
export function loadManifests(paths: string[]): unknown[] {
  const out: unknown[] = [];
  for (const p of paths) {
    for (const f of files(p)) {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch (err) {
        throw new InputError(`${f}: cannot read: ${(err as Error).message}`);
      }
      for (const o of /\.json$/i.test(f) ? parseJsonText(text, f) : parseManifestText(text, f)) out.push(o);
    }
  }
  return out;
}

/** One YAML document that must be a mapping (a mesh config file); `what` names it in errors. */
export function loadYamlObject(file: string, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot read ${what}: ${(err as Error).message}`);
  }
  const docs = parseManifestText(text, file);
  const doc = docs[0];
  if (docs.length !== 1 || !doc || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError(`${file}: ${what} must be one YAML mapping`);
  return doc as Record<string, unknown>;
}
