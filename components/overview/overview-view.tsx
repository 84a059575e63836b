'use client';

import { useClusters } from '@/lib/api/clusters';
import { useControlPlanes } from '@/lib/api/controlplanes';
import { useProxies } from '@/lib/api/proxies';
import { useServices } from '@/lib/api/services';
import { useWorkloads } from '@/lib/api/workloads';
import { useFindings } from '@/lib/api/findings';
import { useConfigChurn } from '@/lib/api/changes';
import { proxySyncUnknown, type ProxyPage } from '@/lib/fleet/controlplanes';
import { useCapability } from '@/lib/api/workspaces-ui';
import { useServiceSignals } from '@/lib/api/telemetry';
import { useLatencyRegressions } from '@/lib/api/latency-signals';
import { rankProblems } from '@/lib/ui/problems';
import { standingFindings } from '@/lib/ui/standing-findings';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { DataAge } from '@/components/ui/data-age';
import { QueryView } from '@/components/ui/query-view';
import { FleetSyncProgress } from './fleet-sync-progress';
import { MeshCards } from './mesh-cards';
import { OverviewCounts, type OverviewCount } from './overview-counts';
import { ProblemList } from './problem-list';
import { StandingFindings } from './standing-findings';

/** The Proxies card: istiod's count when it could be asked; else the sidecars the pods show, and why the sync state is unknown. */
function proxyCount(can: boolean | undefined, page: ProxyPage | undefined): OverviewCount {
  const card = { label: 'Proxies', href: '/clusters' };
  if (can === false) return { ...card, value: null, note: 'shown to operators' };
  if (!page) return { ...card, value: undefined };
  const sync = proxySyncUnknown(page.sync);
  return sync.unknown ? { ...card, value: null, note: `${page.sidecars.toLocaleString('en-US')} sidecars, sync state unknown`, title: sync.reason } : { ...card, value: page.total };
}

/** The fleet at a glance: sync progress, counts, meshes with their clusters, and the ranked problems. */
export function OverviewView() {
  const clusters = useClusters();
  const cps = useControlPlanes();
  const services = useServices({ pageSize: 1 });
  const workloads = useWorkloads({ pageSize: 1 });
  const canProxies = useCapability('proxies');
  const proxies = useProxies({ pageSize: 1 }, canProxies === true);
  const signals = useServiceSignals();
  const slowEdges = useLatencyRegressions();
  const findings = useFindings({ pageSize: 100 });
  const churn = useConfigChurn();

  const missing = [
    cps.error ? `control planes (${cps.error.message})` : '',
    signals.error ? `service health (${signals.error.message})` : '',
    slowEdges.error ? `edge latency (${slowEdges.error.message})` : '',
    findings.error ? `analysis findings (${findings.error.message})` : '',
    churn.error ? `config churn (${churn.error.message})` : '',
  ].filter(Boolean);
  // Until these answer, "nothing is broken" would be a guess (an error is reported as missing instead).
  const pending = [
    cps.isPending ? 'control planes' : '',
    signals.isPending ? 'service health' : '',
    slowEdges.isPending ? 'edge latency' : '',
    findings.isPending ? 'analysis findings' : '',
    churn.isPending ? 'config churn' : '',
  ].filter(Boolean);
  // The server's clock of the answer dates certificate expiry, keeping render pure.
  const now = clusters.data ? Date.parse(clusters.data.generatedAt) : 0;
  const problems = rankProblems({ clusters: clusters.data?.data.items, controlPlanes: cps.data?.data, services: signals.data?.data.items, edgeLatency: slowEdges.data && { baselineSeconds: slowEdges.data.data.baseline.rangeSeconds, items: slowEdges.data.data.items }, findings: findings.data?.data.items, churn: churn.data, now });
  const standing = standingFindings(findings.data?.data.items ?? []);

  return (
    <div className="space-y-6">
      <FleetSyncProgress />
      <QueryView query={clusters} what="clusters">
        {(res) => (
          <>
            <ClusterBanners clusters={res.clusters} />
            <OverviewCounts
              counts={[
                { label: 'Clusters', value: res.data.items.length, href: '/clusters' },
                { label: 'Meshes', value: res.data.meshes.length, href: '/clusters' },
                { label: 'Services', value: services.data?.data.total, href: '/services' },
                { label: 'Workloads', value: workloads.data?.data.total, href: '/services' },
                proxyCount(canProxies, proxies.data?.data),
              ]}
            />
            <ProblemList problems={problems} missing={missing} pending={pending} />
            <StandingFindings groups={standing} total={findings.data?.data.total} />
            <MeshCards list={res.data} controlPlanes={cps.data?.data ?? []} />
            <DataAge clusters={res.clusters} revision={res.revision} />
          </>
        )}
      </QueryView>
    </div>
  );
}
