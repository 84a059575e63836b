import 'server-only';
import { internValue } from './intern';
import { arr, num, obj, str } from './read';

/**
 * The part of a pod spec Istio's analyzers read (injection, proxy image,
 * application UID, `image: auto`, BLOCKED_CIDRS), kept so the fleet runs the
 * same rules as files: container names and images, runAsUser, hostNetwork,
 * and literal env values of istiod's containers. Shared by every pod of a
 * workload (interned); everything else of the spec is dropped.
 */
export interface AnalysisPodSpec {
  hostNetwork?: boolean;
  securityContext?: { runAsUser: number };
  containers: AnalysisContainer[];
  initContainers?: AnalysisContainer[];
}

export interface AnalysisContainer {
  name: string;
  image?: string;
  securityContext?: { runAsUser: number };
  env?: Array<{ name: string; value: string }>;
}

/** The env names kept (only of istiod's containers): what the istiod analyzers check. */
const ISTIOD_ENV = new Set(['BLOCKED_CIDRS_IN_JWKS_URIS', 'EXTERNAL_ISTIOD', 'PILOT_ENABLE_AMBIENT']);

function runAsUser(o: unknown): { runAsUser: number } | undefined {
  const uid = num(obj(obj(o)?.securityContext)?.runAsUser);
  return uid === undefined ? undefined : { runAsUser: uid };
}

function containers(list: unknown[] | undefined, istiod: boolean): AnalysisContainer[] {
  return (list ?? []).map((c) => {
    const co = obj(c) ?? {};
    const out: AnalysisContainer = { name: str(co.name) ?? '' };
    const image = str(co.image);
    if (image) out.image = image;
    const sc = runAsUser(co);
    if (sc) out.securityContext = sc;
    if (istiod) {
      const env = (arr(co.env) ?? []).map((e) => obj(e) ?? {}).filter((e) => ISTIOD_ENV.has(str(e.name) ?? '') && typeof e.value === 'string');
      if (env.length) out.env = env.map((e) => ({ name: e.name as string, value: e.value as string }));
    }
    return out;
  });
}

/** The analysis part of a pod spec (or a workload's pod template spec), interned. */
export function analysisPodSpec(spec: Record<string, unknown>, istiod = false): AnalysisPodSpec {
  const out: AnalysisPodSpec = { containers: containers(arr(spec.containers), istiod) };
  if (spec.hostNetwork === true) out.hostNetwork = true;
  const sc = runAsUser(spec);
  if (sc) out.securityContext = sc;
  const init = arr(spec.initContainers);
  if (init?.length) out.initContainers = containers(init, istiod);
  return internValue(out);
}
