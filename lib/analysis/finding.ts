import { renderGoFormat, type GoArg } from './go-format';
import { ISTIO_MESSAGES, type IstioCode } from './istio-messages';
import { MESH_RULES, type MeshCode } from './mesh-rules';
import type { Finding, Level, ObjectRef } from './types';

/** FNV-1a, hex: a stable id without Node's crypto (lib/ is isomorphic). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function build(code: string, name: string, level: Level, message: string, objects: ObjectRef[], fix: string, extraClusters: string[] = [], mentions: ObjectRef[] = []): Finding {
  const clusters = [...new Set([...objects.map((o) => o.cluster), ...mentions.map((o) => o.cluster), ...extraClusters])].filter(Boolean).sort();
  const key = `${code}|${objects.map((o) => `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`).join(',')}|${message}`;
  return { id: `${code.toLowerCase()}-${hash(key)}`, code, name, level, message, objects, ...(mentions.length ? { mentions } : {}), clusters, fix };
}

/** A finding with Istio's code, level and message template; `mentions` are the other objects its arguments name. */
export function istioFinding(code: IstioCode, objects: ObjectRef[], args: readonly GoArg[], fix: string, mentions: ObjectRef[] = []): Finding {
  const m = ISTIO_MESSAGES[code];
  return build(code, m.name, m.level, renderGoFormat(m.template, args), objects, fix, [], mentions);
}

/** A finding of a Meshglass multi-cluster rule; level defaults to the rule's. */
export function meshFinding(code: MeshCode, objects: ObjectRef[], message: string, opts: { level?: Level; fix?: string; clusters?: string[]; mentions?: ObjectRef[] } = {}): Finding {
  const r = MESH_RULES[code];
  return build(code, r.name, opts.level ?? r.level, message, objects, opts.fix ?? r.fix, opts.clusters, opts.mentions);
}

/** An ObjectRef for a config object or Kubernetes object in a cluster. */
export function ref(cluster: string, kind: string, namespace: string | undefined, name: string): ObjectRef {
  return { kind, namespace: namespace ?? '', name, cluster };
}
