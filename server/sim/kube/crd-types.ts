/** Turns a CustomResourceDefinition object into the resource types it serves. */
import type { KubeObject, ResourceType } from './types';

interface CrdVersion {
  name?: string;
  served?: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: Record<string, unknown>;
}

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { kind?: string; plural?: string; singular?: string; shortNames?: string[]; categories?: string[] };
  versions?: CrdVersion[];
}

/** True for apiextensions.k8s.io CustomResourceDefinition objects. */
export const isCrd = (obj: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean =>
  obj.kind === 'CustomResourceDefinition' && obj.apiVersion.startsWith('apiextensions.k8s.io/');

/** The served versions of a CRD as ResourceTypes (each with its openAPIV3Schema). */
export function typesFromCrd(crd: KubeObject): ResourceType[] {
  const spec = (crd.spec ?? {}) as CrdSpec;
  const { group, names } = spec;
  if (!group || !names?.kind || !names.plural) return [];
  return (spec.versions ?? [])
    .filter((v): v is CrdVersion & { name: string } => v.served !== false && typeof v.name === 'string')
    .map((v) => ({
      group,
      version: v.name,
      kind: names.kind as string,
      plural: names.plural as string,
      namespaced: spec.scope !== 'Cluster',
      schema: v.schema?.openAPIV3Schema,
      singular: names.singular,
      shortNames: names.shortNames,
      categories: names.categories,
      subresources: Object.keys(v.subresources ?? {}),
    }));
}
