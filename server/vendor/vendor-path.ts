/** Paths into server/vendor: the upstream Istio, Gateway API and Admiral data the repository carries. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const vendorRoot = path.dirname(fileURLToPath(import.meta.url));

/** `vendorPath('istio', 'crd-all.gen.yaml')` -> <repo>/server/vendor/istio/crd-all.gen.yaml. */
export function vendorPath(...parts: string[]): string {
  return path.resolve(vendorRoot, ...parts);
}
