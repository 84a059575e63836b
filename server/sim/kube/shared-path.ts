/** Paths into ../shared (Istio and Admiral CRDs and samples) beside the repository. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// server/sim/kube -> repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `sharedPath('istio', 'crd-all.gen.yaml')` -> <repo>/../shared/istio/crd-all.gen.yaml (MESHGLASS_SHARED_DIR overrides the folder). */
export function sharedPath(...parts: string[]): string {
  return path.resolve(process.env.MESHGLASS_SHARED_DIR ?? path.resolve(repoRoot, '../shared'), ...parts);
}
