/** Reads Kubernetes manifests (multi-document YAML) from disk. */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { isCrd } from './crd-types';
import { deepFreeze } from './object-utils';
import type { KubeObject } from './types';

/**
 * Go's YAML parser accepts a multi-line quoted scalar whose continuation lines
 * are indented no deeper than its key (Admiral's crds.yaml has them); the
 * 'yaml' package rejects it. Indent such continuation lines past the key.
 */
export function relaxQuotedScalars(text: string): string {
  const lines = text.split('\n');
  let open: { quote: string; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (open) {
      const indent = line.length - line.trimStart().length;
      if (line.trim() && indent <= open.indent) lines[i] = ' '.repeat(open.indent + 2 - indent) + line;
      if (closes(line, open.quote)) open = undefined;
      continue;
    }
    const m = /^(\s*)(?:- )?[\w.-]+: (['"])(.*)$/.exec(line);
    if (m && !closes(m[3] ?? '', m[2] ?? "'")) open = { quote: m[2] ?? "'", indent: (m[1] ?? '').length };
  }
  return lines.join('\n');
}

function closes(rest: string, quote: string): boolean {
  const body = quote === "'" ? rest.replace(/''/g, '') : rest.replace(/\\./g, '');
  return body.includes(quote);
}

/** Every object in a multi-document YAML string (empty documents and `List`s flattened). */
export function parseManifests(text: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(relaxQuotedScalars(text))) {
    if (doc.errors.length) throw new Error(`YAML: ${doc.errors[0]?.message}`);
    const v = doc.toJS() as KubeObject | null;
    if (!v || typeof v !== 'object' || !v.kind) continue;
    if (v.kind.endsWith('List') && Array.isArray(v.items)) out.push(...(v.items as KubeObject[]));
    else out.push(v);
  }
  return out;
}

/** Every object in a manifest file. */
export const loadManifestFile = (file: string): KubeObject[] => parseManifests(readFileSync(file, 'utf8'));

// Istio's CRD file is 20k lines (~250 ms to parse); every simulated cluster applies the same objects.
const crdCache = new Map<string, KubeObject[]>();

/** The CustomResourceDefinitions in a file (e.g. vendorPath('istio', 'crd-all.gen.yaml')), frozen and cached; apply them to a store to serve their kinds. */
export function loadCrdFile(file: string): KubeObject[] {
  let crds = crdCache.get(file);
  if (!crds) {
    crds = loadManifestFile(file).filter(isCrd).map(deepFreeze);
    crdCache.set(file, crds);
  }
  return [...crds];
}
