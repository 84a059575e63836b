import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import type { ClusterView, Finding } from '../../../types';
import { clusterUnits, runUnits } from '../../../units';

/** The annotation Gateway API CRDs carry their release (bundle) version in. */
export const BUNDLE_VERSION_ANNOTATION = 'gateway.networking.k8s.io/bundle-version';

/** The oldest Gateway API bundle istiod of this release watches, per CRD (older ones are ignored). */
export const MINIMUM_CRD_VERSIONS: Readonly<Record<string, readonly [number, number, number]>> = {
  'grpcroutes.gateway.networking.k8s.io': [1, 1, 0],
  'backendtlspolicies.gateway.networking.k8s.io': [1, 4, 0],
  'tlsroutes.gateway.networking.k8s.io': [1, 5, 0],
  'tcproutes.gateway.networking.k8s.io': [1, 6, 0],
};

interface SemVer {
  core: [number, number, number];
  /** The version as semver prints it: no 'v', missing parts as 0. */
  text: string;
}

/** A lenient semantic version ('v1.4', '1.4.1-rc.1+build'), or undefined. */
export function parseSemVer(v: string): SemVer | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(v);
  if (!m) return undefined;
  const core: [number, number, number] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  return { core, text: `${core.join('.')}${m[4] ? `-${m[4]}` : ''}${m[5] ? `+${m[5]}` : ''}` };
}

/** Whether a is older than b by major, minor, patch. */
function older(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * k8sgateway.CRDVersionAnalyzer (IST0176): a Gateway API CRD installed from a
 * bundle older than this Istio release needs is not watched, so its routes
 * are never programmed. A prerelease counts as its release (1.5.0-rc.1 is 1.5.0).
 */
export function checkGatewayApiCrdVersions(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkGatewayApiCrdVersionsIn));
}

/** k8sgateway.CRDVersionAnalyzer in one cluster (sources without whole CRDs are skipped). */
export function checkGatewayApiCrdVersionsIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  for (const r of c.resources ?? []) {
    if (r.kind !== 'CustomResourceDefinition' || !r.apiVersion.startsWith('apiextensions.k8s.io/')) continue;
    const minimum = MINIMUM_CRD_VERSIONS[r.name];
    const installed = parseSemVer(r.annotations[BUNDLE_VERSION_ANNOTATION] ?? '');
    if (!minimum || !installed || !older(installed.core, minimum)) continue;
    out.push(istioFinding(
      'IST0176', [ref(c.name, 'CustomResourceDefinition', '', r.name)], [r.name, installed.text, minimum.join('.')],
      'Upgrade the Gateway API CRDs (kubectl apply the release\'s standard or experimental install) to at least the minimum version.',
    ));
  }
  return out;
}
