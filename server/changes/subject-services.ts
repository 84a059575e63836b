import 'server-only';
import type { ObjectRef } from '@/lib/analysis/types';
import { recordKey } from '../clusters/kinds';
import type { FleetModel } from '../fleet/model';
import { configServices } from './config-services';
import { selectingServices } from './describe-deployment';

/** The global services a finding's subject is about: a Service itself, a Deployment's selecting Services, a config object's hosts. */
export function subjectServices(model: FleetModel, o: ObjectRef): string[] {
  if (o.kind === 'Service') return o.namespace ? [`${o.namespace}/${o.name}`] : [];
  const store = model.cluster(o.cluster)?.store;
  if (!store) return [];
  const key = recordKey(o.namespace || undefined, o.name);
  if (o.kind === 'Deployment') {
    const d = store.deployments.get(key);
    return d ? selectingServices(store, d.namespace, [d.templateLabels]) : [];
  }
  // Config tables are per kind spec (a few dozen per cluster): one lookup in each.
  for (const table of store.config.values()) {
    const c = table.get(key);
    if (c?.kind === o.kind) return configServices(c, (ns) => store.namespaces.has(ns));
  }
  return [];
}
