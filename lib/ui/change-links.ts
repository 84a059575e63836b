import type { ChangeEntry } from '@/lib/history/change-types';
import { serviceHref } from './service-href';

const enc = encodeURIComponent;

/** The page that shows what a change is about now: the object, its service, or its cluster. */
export function changeTarget(c: Pick<ChangeEntry, 'category' | 'cluster' | 'kind' | 'namespace' | 'name' | 'services'>): { href: string; label: string } {
  const svc = c.services[0];
  switch (c.category) {
    case 'config':
      return { href: `/config?kind=${enc(c.kind)}${c.namespace ? `&namespace=${enc(c.namespace)}` : ''}&q=${enc(c.name)}`, label: `${c.kind} in config` };
    case 'service':
    case 'workload':
    case 'health':
      if (svc) {
        const [ns = '', name = ''] = svc.split('/');
        return { href: serviceHref(ns, name, undefined, c.cluster), label: `service ${svc}` };
      }
      return { href: `/clusters/${enc(c.cluster)}`, label: `cluster ${c.cluster}` };
    default:
      return { href: `/clusters/${enc(c.cluster)}`, label: `cluster ${c.cluster}` };
  }
}

/** The timeline filtered to one service: the link from a service page. */
export const serviceTimelineHref = (namespace: string, name: string) => `/changes?service=${enc(`${namespace}/${name}`)}`;
