/** The Istio and Admiral CRDs from ../shared, ready to apply to a simulated cluster. */
import { sharedPath } from './shared-path';
import type { ClusterStore, KubeObject } from './types';
import { loadCrdFile } from './yaml-loader';

/** CRD files under ../shared: Istio's, Admiral's crds.yaml, and Admiral's GlobalTrafficPolicy (not in crds.yaml). */
export const sharedCrdFiles = (): string[] => [
  sharedPath('istio', 'crd-all.gen.yaml'),
  sharedPath('admiral', 'crds.yaml'),
  sharedPath('admiral', 'globalTraffic.yaml'),
];

/** Every Istio and Admiral CRD (parsed once per process). */
export const sharedCrds = (): KubeObject[] => sharedCrdFiles().flatMap(loadCrdFile);

/** Applies every Istio and Admiral CRD to `store`, so it serves networking.istio.io, security.istio.io, admiral.io, ... */
export function installSharedCrds(store: ClusterStore): void {
  for (const crd of sharedCrds()) store.apply(crd);
}
