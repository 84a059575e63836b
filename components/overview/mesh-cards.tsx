import Link from 'next/link';
import type { ClusterList, ClusterSummary } from '@/lib/fleet/clusters';
import type { ControlPlane } from '@/lib/fleet/controlplanes';
import { clusterStateTone } from '@/lib/ui/cluster-states';
import { formatAge, plural, shortVersion } from '@/lib/ui/format';

export interface MeshCardsProps {
  list: ClusterList;
  controlPlanes: ControlPlane[];
}

const STATE_STYLE = { ok: 'text-green-700 dark:text-green-400', warn: 'text-amber-700 dark:text-amber-300', fail: 'text-red-700 dark:text-red-400' };

function ClusterCard({ cluster, cps }: { cluster: ClusterSummary; cps: ControlPlane[] }) {
  const versions = [...new Set(cluster.controlPlanes.map((c) => shortVersion(c.version)))];
  const proxies = cps.reduce((a, c) => ({ synced: a.synced + c.proxies.synced, stale: a.stale + c.proxies.stale + c.proxies.notSent }), { synced: 0, stale: 0 });
  return (
    <li data-testid={`cluster-card-${cluster.name}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <Link href={`/clusters/${encodeURIComponent(cluster.name)}`} className="font-medium text-brand-600 hover:underline dark:text-sky-300">
          {cluster.name}
        </Link>
        <span data-testid="cluster-state" className={`text-xs font-semibold uppercase ${STATE_STYLE[clusterStateTone(cluster.state)]}`}>
          {cluster.state}
        </span>
      </div>
      {cluster.reason ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{cluster.reason}</p> : null}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500 dark:text-slate-400">Istio</dt>
        <dd title={cluster.controlPlanes.map((c) => `${c.revision}: ${c.version ?? 'unknown'}`).join('\n') || undefined}>{versions.join(', ') || '—'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Network</dt>
        <dd className="truncate" title={cluster.network}>{cluster.network ?? '—'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Proxies</dt>
        <dd>
          {proxies.synced} synced
          {proxies.stale > 0 ? <span className="ml-1 font-semibold text-amber-700 dark:text-amber-300">{proxies.stale} stale</span> : null}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Data age</dt>
        <dd>{formatAge(cluster.dataAgeSeconds)}</dd>
      </dl>
    </li>
  );
}

/** One card per mesh, each listing its clusters with state, versions, network, proxy sync and data age. */
export function MeshCards({ list, controlPlanes }: MeshCardsProps) {
  const byName = new Map(list.items.map((c) => [c.name, c]));
  const meshes = list.meshes.length ? list.meshes : [{ id: '', clusters: list.items.map((c) => c.name) }];
  const inMesh = new Set(meshes.flatMap((m) => m.clusters));
  const loose = list.items.filter((c) => !inMesh.has(c.name)).map((c) => c.name);
  const groups = loose.length ? [...meshes, { id: '(no mesh ID)', clusters: loose }] : meshes;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {groups.map((m) => (
        <section key={m.id} aria-label={`Mesh ${m.id}`} data-testid={`mesh-card-${m.id}`} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="mb-3 text-sm font-semibold">
            Mesh {m.id || '(unnamed)'} <span className="font-normal text-slate-500 dark:text-slate-400">· {plural(m.clusters.length, 'cluster')}</span>
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {m.clusters.flatMap((name) => {
              const c = byName.get(name);
              return c ? [<ClusterCard key={name} cluster={c} cps={controlPlanes.filter((cp) => cp.cluster === name)} />] : [];
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
