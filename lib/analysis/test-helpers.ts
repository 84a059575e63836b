import { parseAllDocuments } from 'yaml';
import { AnalysisContext } from './context';
import { clusterFromManifests, type ManifestOptions } from './from-manifests';
import type { AnalysisOptions, ClusterView } from './types';

/**
 * Test support: a cluster view from YAML text, with overrides. Unlike the
 * CLI's default, workloads stand in for pods and no stand-in ingress is added
 * unless `manifest` says so.
 */
export function clusterOf(name: string, yamlText: string, over: Partial<ClusterView> = {}, manifest: ManifestOptions = { podsFromWorkloads: true, defaultResources: false }): ClusterView {
  const docs = parseAllDocuments(yamlText).map((d) => d.toJS() as unknown);
  return { ...clusterFromManifests(name, docs, manifest), ...over };
}

/** Test support: a context over clusters (one mesh, 'm' unless given). */
export function ctxOf(clusters: ClusterView[], options: AnalysisOptions = {}, mesh = 'm'): AnalysisContext {
  return new AnalysisContext(mesh, clusters, options);
}

/** Test support: codes and messages of findings, for compact assertions. */
export const messages = (fs: Array<{ code: string; message: string }>) => fs.map((f) => `${f.code} ${f.message}`);
