import 'server-only';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { candidatesFromKubeconfig, type ContextSelection } from './kubeconfig-contexts';
import type { ClusterCandidate, ClusterSource, SourceHealth } from './types';

/**
 * Clusters from the contexts of one kubeconfig file, re-read when the file
 * changes. A file that is missing, unreadable or malformed puts the source in
 * state error with the reason; clusters already read from it are kept (an
 * editor replacing the file must not drop and re-add the whole fleet).
 */
export class KubeconfigFileSource implements ClusterSource {
  readonly id: string;
  private listener?: () => void;
  private health: SourceHealth;
  private last?: ClusterCandidate[];

  constructor(private readonly file: string, private readonly sel: ContextSelection, private readonly pollMs = 2000) {
    this.id = `kubeconfig:${file}`;
    this.health = { id: this.id, kind: 'kubeconfig', state: 'syncing' };
  }

  status(): SourceHealth {
    return this.health;
  }

  private read(): ClusterCandidate[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
      new KubeConfig().loadFromString(text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const what = code === 'ENOENT' ? 'file not found' : code ? `cannot read the file (${code})` : `malformed kubeconfig: ${(err as Error).message}`;
      this.health = { id: this.id, kind: 'kubeconfig', state: 'error', reason: `${this.file}: ${what}${this.last ? '; keeping the clusters read before' : ''}` };
      return this.last ?? [];
    }
    this.health = { id: this.id, kind: 'kubeconfig', state: 'ok' };
    return (this.last = candidatesFromKubeconfig(text, this.id, this.sel, this.file));
  }

  async start(onChange: (clusters: ClusterCandidate[]) => void, onStatus?: () => void): Promise<void> {
    const reread = () => {
      const before = this.health;
      onChange(this.read());
      if (before.state !== this.health.state || before.reason !== this.health.reason) onStatus?.();
    };
    reread();
    // Polling (not fs.watch) survives editors that replace the file and works on every file system.
    this.listener = reread;
    watchFile(this.file, { interval: this.pollMs, persistent: false }, this.listener);
  }

  stop(): void {
    if (this.listener) unwatchFile(this.file, this.listener);
  }
}
