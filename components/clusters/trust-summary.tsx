import { shortFingerprint } from '@/lib/ui/format';
import type { MeshTrust } from '@/lib/ui/trust';

export interface TrustSummaryProps {
  trust: MeshTrust[];
}

/** Per mesh: one root of trust (fine) or several (cross-cluster mTLS breaks), with who holds which. */
export function TrustSummary({ trust }: TrustSummaryProps) {
  return (
    <ul className="space-y-2" aria-label="Roots of trust">
      {trust.map((t) => (
        <li
          key={t.mesh}
          role={t.consistent ? undefined : 'alert'}
          data-testid={`trust-${t.mesh}`}
          className={`rounded-md border px-3 py-2 text-sm ${t.consistent ? 'border-slate-200 dark:border-slate-800' : 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200'}`}
        >
          <strong>Mesh {t.mesh || '(unnamed)'}</strong>:{' '}
          {t.consistent ? 'every cluster shares one root certificate' : `${t.roots.size} different root certificates; clusters with different roots cannot use mTLS with each other`}
          <ul className="mt-1 text-xs">
            {[...t.roots].map(([fp, clusters]) => (
              <li key={fp}>
                <code title={fp}>{shortFingerprint(fp)}</code>: {clusters.join(', ')}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
