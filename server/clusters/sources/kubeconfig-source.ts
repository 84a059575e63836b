import 'server-only';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { candidatesFromKubeconfig, type ContextSelection } from './kubeconfig-contexts';
import type { ClusterCandidate, ClusterSource } from './types';

/** Clusters from the contexts of one kubeconfig file, re-read when the file changes. */
export class KubeconfigFileSource implements ClusterSource {
  readonly id: string;
  private listener?: () => void;

  constructor(private readonly file: string, private readonly sel: ContextSelection, private readonly pollMs = 2000) {
    this.id = `kubeconfig:${file}`;
  }

  private read(): ClusterCandidate[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      return [{ name: this.file, displayName: this.file, source: this.id, kubeConfig: { error: `cannot read kubeconfig ${this.file}: ${(err as Error).message}` }, fingerprint: 'unreadable' }];
    }
    return candidatesFromKubeconfig(text, this.id, this.sel, this.file);
  }

  async start(onChange: (clusters: ClusterCandidate[]) => void): Promise<void> {
    onChange(this.read());
    // Polling (not fs.watch) survives editors that replace the file and works on every file system.
    this.listener = () => onChange(this.read());
    watchFile(this.file, { interval: this.pollMs, persistent: false }, this.listener);
  }

  stop(): void {
    if (this.listener) unwatchFile(this.file, this.listener);
  }
}
