import 'server-only';
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import type { ConfigStatus } from '@/lib/fleet/clusters';
import type { Logger } from '../log/logger';
import { parseConfigText } from './parse-config';
import type { MeshglassConfig } from './schema';

/** The running watch of the config file. */
export interface ConfigWatcher {
  status(): ConfigStatus;
  stop(): void;
}

export interface ConfigWatchOptions {
  /** How often the file's mtime is polled (polling survives editors that replace the file, and every file system). */
  pollMs?: number;
  logger?: Logger;
  /** The status changed (an edit was applied or refused). */
  onStatus?: () => void;
}

/**
 * Watches the config file and hands every valid edit to `apply`. An invalid
 * edit (bad YAML, unknown field, file gone) keeps the running config: it is
 * logged and shown in the status until a valid edit replaces it.
 */
export function watchConfigFile(file: string, initialText: string | undefined, apply: (config: MeshglassConfig) => Promise<void> | void, opts: ConfigWatchOptions = {}): ConfigWatcher {
  let applied = initialText;
  let status: ConfigStatus = { file, state: 'ok', loadedAt: new Date().toISOString() };
  let timer: NodeJS.Timeout | undefined;
  const set = (next: ConfigStatus) => {
    status = next;
    opts.onStatus?.();
  };
  const check = () => {
    const checkedAt = new Date().toISOString();
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const error = `cannot read the config file: ${(err as Error).message}; keeping the running config`;
      opts.logger?.error({ file }, error);
      return set({ ...status, state: 'error', error, checkedAt });
    }
    if (text === applied && status.state === 'ok') return;
    let config: MeshglassConfig;
    try {
      config = parseConfigText(text, file);
    } catch (err) {
      const error = `${(err as Error).message}\n(keeping the running config)`;
      opts.logger?.error({ file, err: (err as Error).message }, 'config change refused; keeping the running config');
      return set({ ...status, state: 'error', error, checkedAt });
    }
    applied = text;
    set({ file, state: 'ok', loadedAt: checkedAt, checkedAt });
    opts.logger?.info({ file }, 'config reloaded');
    void Promise.resolve(apply(config)).catch((err: unknown) => opts.logger?.error({ err }, 'applying the reloaded config failed'));
  };
  const listener = (cur: Stats, prev: Stats) => {
    if (cur.mtimeMs === prev.mtimeMs && cur.size === prev.size && cur.ino === prev.ino) return;
    // Editors write in several steps: read once things settle.
    clearTimeout(timer);
    timer = setTimeout(check, 100);
  };
  watchFile(file, { interval: opts.pollMs ?? 2000, persistent: false }, listener);
  return {
    status: () => status,
    stop: () => {
      clearTimeout(timer);
      unwatchFile(file, listener);
    },
  };
}
