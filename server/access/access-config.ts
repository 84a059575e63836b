import 'server-only';
import { statSync } from 'node:fs';
import { loadConfig, type LoadedConfig } from '../config/load-config';
import type { AuthConfig, BindingConfig, ShareLinksConfig, WorkspaceConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import { loadAccessKeys, type AccessKeys } from './secrets';

/** The access part of the config: auth fixed at start; workspaces, bindings and share links re-read on change. */
export interface AccessConfig {
  auth: AuthConfig;
  workspaces: readonly WorkspaceConfig[];
  bindings: readonly BindingConfig[];
  shareLinks: ShareLinksConfig;
  keys: AccessKeys;
  resolvePath(p: string): string;
}

interface State {
  current: AccessConfig;
  file?: string;
  mtimeMs: number;
  checkedAt: number;
}

const RECHECK_MS = 1_000;

function mtimeOf(file: string | undefined): number {
  if (!file) return 0;
  try {
    return statSync(/* turbopackIgnore: true */ file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The access config of a running app: `current()` is what apiRoute applies to each request. */
export interface AccessConfigSource {
  current(now?: number): AccessConfig;
}

/**
 * The access part of `loaded`, kept current: `current()` checks the file's
 * mtime at most once a second (a stat, no read) and re-reads it when it
 * changed, so workspace and binding edits apply without a restart; an
 * invalid edit keeps the last good config.
 */
export function accessConfigSource(loaded: LoadedConfig, parentLogger: Logger): AccessConfigSource {
  const c = loaded.config;
  const keys = loadAccessKeys(c.auth, loaded.resolvePath);
  const logger = parentLogger.child({ component: 'access' });
  if (!keys.configured && c.auth.mode !== 'anonymous') logger.warn('auth.secret is not set: sessions and share links end at restart and do not work across replicas');
  const state: State = {
    current: { auth: c.auth, workspaces: c.workspaces, bindings: c.bindings, shareLinks: c.shareLinks, keys, resolvePath: loaded.resolvePath },
    file: loaded.file,
    mtimeMs: mtimeOf(loaded.file),
    checkedAt: Date.now(),
  };
  return {
    current(now = Date.now()) {
      if (now - state.checkedAt < RECHECK_MS) return state.current;
      state.checkedAt = now;
      const mtime = mtimeOf(state.file);
      if (mtime === state.mtimeMs) return state.current;
      state.mtimeMs = mtime;
      try {
        const next = loadConfig().config;
        state.current = { ...state.current, workspaces: next.workspaces, bindings: next.bindings, shareLinks: next.shareLinks };
        logger.info({ workspaces: next.workspaces.length, bindings: next.bindings.length }, 'access config reloaded');
      } catch (err) {
        logger.error({ err: (err as Error).message }, 'config file changed but is invalid: keeping the previous workspaces and bindings');
      }
      return state.current;
    },
  };
}
