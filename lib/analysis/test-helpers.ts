import { parseAllDocuments } from 'yaml';
import { AnalysisContext } from './context';
import { clusterFromManifests } from './from-manifests';
import type { AnalysisOptions, ClusterView } from './types';

/** Test support: a cluster view from YAML text, with overrides. */
export function clusterOf(name: string, yamlText: string, over: Partial<ClusterView> = {}): ClusterView {
  const docs = parseAllDocuments(yamlText).map((d) => d.toJS() as unknown);
  return { ...clusterFromManifests(name, docs), ...over };
}

/** Test support: a context over clusters (one mesh, 'm' unless given). */
export function ctxOf(clusters: ClusterView[], options: AnalysisOptions = {}, mesh = 'm'): AnalysisContext {
  return new AnalysisContext(mesh, clusters, options);
}

/** Test support: codes and messages of findings, for compact assertions. */
export const messages = (fs: Array<{ code: string; message: string }>) => fs.map((f) => `${f.code} ${f.message}`);
