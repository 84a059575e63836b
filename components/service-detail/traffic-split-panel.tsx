'use client';

import { useQueries } from '@tanstack/react-query';
import Link from 'next/link';
import { fetchConfigObject, useConfigObjects } from '@/lib/api/config';
import { useIdentities } from '@/lib/api/identities';
import { destinationRuleSubsets, trafficPolicySummary, virtualServiceSplits } from '@/lib/ui/traffic-split';
import { qk } from '@/lib/api/query-keys';
import { useCapability } from '@/lib/api/workspaces-ui';
import { panelClass } from '@/components/ui/table-styles';

export interface TrafficSplitPanelProps {
  namespace: string;
  name: string;
  /** The clusters of the service's mesh: config elsewhere routes another mesh's service. */
  clusters: readonly string[];
}

const ROUTING = new Set(['VirtualService', 'DestinationRule']);
const configHref = (o: { group: string; kind: string; namespace: string; name: string }) =>
  `/config?object=${encodeURIComponent(`${o.group}/${o.kind}/${o.namespace}/${o.name}`)}`;

/** VirtualService weights, DestinationRule subsets and policies (per cluster), Admiral GTP weights, and all config naming the service. */
export function TrafficSplitPanel({ namespace, name, clusters }: TrafficSplitPanelProps) {
  const canConfig = useCapability('configSpecs');
  const config = useConfigObjects({ namespace, q: name, pageSize: 200 }, canConfig === true);
  const identities = useIdentities({ pageSize: 500 });
  const objects = (config.data?.data.items ?? []).filter((o) => clusters.includes(o.cluster));
  const routing = objects.filter((o) => ROUTING.has(o.kind));
  const details = useQueries({
    queries: routing.map((o) => ({ queryKey: qk.config.detail(o.cluster, o.group, o.kind, o.namespace, o.name), queryFn: () => fetchConfigObject(o.cluster, o.group, o.kind, o.namespace, o.name) })),
  });
  const gtps = (identities.data?.data.items ?? []).filter((i) => i.identity === name).flatMap((i) => i.trafficPolicies.filter((p) => clusters.includes(p.source.cluster)).map((p) => ({ ...p, global: i.name })));
  return (
    <section aria-labelledby="split-heading" className={`${panelClass} p-4`}>
      <h2 id="split-heading" className="mb-2 text-sm font-semibold">Traffic split and applicable config</h2>
      {config.error ? <p className="text-sm text-red-700 dark:text-red-400">Cannot read config: {config.error.message}</p> : null}
      {canConfig === false ? <p className="text-sm text-slate-600 dark:text-slate-400">VirtualServices and DestinationRules are shown to operators of this workspace; your role shows the traffic itself.</p> : null}
      <ul className="space-y-3 text-sm">
        {details.map((d, i) => {
          const o = d.data?.data;
          const ref = routing[i];
          if (!ref) return null;
          const splits = o?.kind === 'VirtualService' ? virtualServiceSplits(o.spec) : [];
          const subsets = o?.kind === 'DestinationRule' ? destinationRuleSubsets(o.spec) : [];
          const policy = o?.kind === 'DestinationRule' ? trafficPolicySummary(o.spec) : [];
          return (
            <li key={`${ref.cluster}/${ref.kind}/${ref.name}`}>
              <Link href={configHref(ref)} className="font-medium hover:underline">{ref.kind} {ref.name}</Link> <span className="text-xs text-slate-500 dark:text-slate-400">in {ref.cluster}</span>
              {splits.map((s) => (
                <div key={s.route} className="ml-3 text-xs">
                  {s.route}: {s.destinations.map((d) => `${d.weight}% → ${d.host}${d.subset ? ` (${d.subset})` : ''}${d.port ? `:${d.port}` : ''}`).join(', ')}
                </div>
              ))}
              {subsets.length ? <div className="ml-3 text-xs">subsets: {subsets.map((s) => `${s.name} {${Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(', ')}}`).join('; ')}</div> : null}
              {policy.length ? <div className="ml-3 text-xs">policy: {policy.join('; ')}</div> : null}
            </li>
          );
        })}
        {gtps.map((p) => (
          <li key={`${p.source.cluster}/${p.source.name}`}>
            <span className="font-medium">Admiral GlobalTrafficPolicy {p.source.name}</span> <span className="text-xs text-slate-500 dark:text-slate-400">for {p.global} ({p.lbType})</span>
            <div className="ml-3 text-xs">{p.targets.map((t) => `${t.weight}% → ${t.region}${t.clusters.length ? ` (${t.clusters.join(', ')})` : ''}`).join(', ')}</div>
          </li>
        ))}
        {objects.filter((o) => !ROUTING.has(o.kind)).map((o) => (
          <li key={`${o.cluster}/${o.kind}/${o.name}`}>
            <Link href={configHref(o)} className="hover:underline">{o.kind} {o.name}</Link> <span className="text-xs text-slate-500 dark:text-slate-400">in {o.cluster}</span>
          </li>
        ))}
      </ul>
      {config.data && objects.length === 0 && gtps.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No Istio or Admiral config in {namespace} names {name}: traffic follows Istio&apos;s defaults (round robin over every cluster&apos;s endpoints).</p>
      ) : null}
    </section>
  );
}
