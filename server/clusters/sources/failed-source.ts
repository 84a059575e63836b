import 'server-only';
import type { ClusterCandidate, ClusterSource, SourceHealth } from './types';

/** A configured source that could not even be built (its home kubeconfig is unreadable): shown in state error, offering no clusters. */
export class FailedSource implements ClusterSource {
  constructor(readonly id: string, private readonly kind: SourceHealth['kind'], private readonly reason: string) {}

  async start(onChange: (clusters: ClusterCandidate[]) => void): Promise<void> {
    onChange([]);
  }

  status(): SourceHealth {
    return { id: this.id, kind: this.kind, state: 'error', reason: this.reason };
  }

  stop(): void {}
}
