import type { Finding } from './types';

/** istioctl's line: `Level [CODE] (Kind namespace/name) message`; with several clusters the object's cluster follows after '@'. */
export function formatFinding(f: Finding, showCluster: boolean): string {
  const o = f.objects[0];
  const obj = o ? `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}${showCluster && o.cluster ? ` @${o.cluster}` : ''}` : 'Fleet';
  return `${f.level} [${f.code}] (${obj}) ${f.message}`;
}
