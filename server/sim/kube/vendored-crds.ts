/** The vendored Istio, Gateway API and Admiral CRDs, ready to apply to a simulated cluster. */
import { readdirSync } from 'node:fs';
import { vendorPath } from '../../vendor/vendor-path';
import type { ClusterStore, KubeObject } from './types';
import { loadCrdFile } from './yaml-loader';

/** CRD files under server/vendor: Istio's, the Gateway API standard channel's, Admiral's crds.yaml and its GlobalTrafficPolicy (not in crds.yaml). */
export const vendoredCrdFiles = (): string[] => [
  vendorPath('istio', 'crd-all.gen.yaml'),
  ...readdirSync(vendorPath('gateway-api', 'crds')).sort().map((f) => vendorPath('gateway-api', 'crds', f)),
  vendorPath('admiral', 'crds.yaml'),
  vendorPath('admiral', 'globalTraffic.yaml'),
];

/** Every vendored CRD (parsed once per process). */
export const vendoredCrds = (): KubeObject[] => vendoredCrdFiles().flatMap(loadCrdFile);

/** Applies every vendored CRD to `store`, so it serves networking.istio.io, gateway.networking.k8s.io, admiral.io, ... */
export function installVendoredCrds(store: ClusterStore): void {
  for (const crd of vendoredCrds()) store.apply(crd);
}
