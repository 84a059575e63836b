import 'server-only';
import { statSync } from 'node:fs';
import { loadConfig } from '../config/load-config';
import type { AuthConfig, BindingConfig, ShareLinksConfig, WorkspaceConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import { getAppRuntime } from '../runtime/app-runtime';
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
  logger: Logger;
}

const KEY = Symbol.for('meshglass.access-config');
type Holder = { [KEY]?: State };
const RECHECK_MS = 1_000;

function mtimeOf(file: string | undefined): number {
  if (!file) return 0;
  try {
    return statSync(/* turbopackIgnore: true */ file).mtimeMs;
  } catch {
    return 0;
  }
}

function init(): State {
  const rt = getAppRuntime();
  const c = rt.config.config;
  const keys = loadAccessKeys(c.auth, rt.config.resolvePath);
  const logger = rt.logger.child({ component: 'access' });
  if (!keys.configured && c.auth.mode !== 'anonymous') logger.warn('auth.secret is not set: sessions and share links end at restart and do not work across replicas');
  return {
    current: { auth: c.auth, workspaces: c.workspaces, bindings: c.bindings, shareLinks: c.shareLinks, keys, resolvePath: rt.config.resolvePath },
    file: rt.config.file,
    mtimeMs: mtimeOf(rt.config.file),
    checkedAt: Date.now(),
    logger,
  };
}

/**
 * The current access config. Checks the file's mtime at most once a second
 * (a stat, no read) and re-reads it when it changed, so workspace and binding
 * edits apply without a restart; an invalid edit keeps the last good config.
 */
export function accessConfig(now = Date.now()): AccessConfig {
  const holder = globalThis as Holder;
  const state = (holder[KEY] ??= init());
  if (now - state.checkedAt < RECHECK_MS) return state.current;
  state.checkedAt = now;
  const mtime = mtimeOf(state.file);
  if (mtime === state.mtimeMs) return state.current;
  state.mtimeMs = mtime;
  try {
    const next = loadConfig().config;
    state.current = { ...state.current, workspaces: next.workspaces, bindings: next.bindings, shareLinks: next.shareLinks };
    state.logger.info({ workspaces: next.workspaces.length, bindings: next.bindings.length }, 'access config reloaded');
  } catch (err) {
    state.logger.error({ err: (err as Error).message }, 'config file changed but is invalid: keeping the previous workspaces and bindings');
  }
  return state.current;
}

/** Replaces the access config (tests only). */
export function setAccessConfigForTests(config: AccessConfig, logger: Logger): void {
  (globalThis as Holder)[KEY] = { current: config, mtimeMs: 0, checkedAt: Number.MAX_SAFE_INTEGER, logger };
}
