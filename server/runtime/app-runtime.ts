import 'server-only';
import { readFileSync } from 'node:fs';
import { configFilePath, loadConfig, type LoadedConfig } from '../config/load-config';
import { watchConfigFile, type ConfigWatcher } from '../config/config-watcher';
import { createLogger, type Logger } from '../log/logger';
import { Readiness } from './readiness';
import { startFleetRuntime, type FleetRuntime } from '../fleet/fleet-runtime';

/** Long-lived server state: one per process, shared by every route handler. */
export interface AppRuntime {
  readonly config: LoadedConfig;
  readonly logger: Logger;
  readonly readiness: Readiness;
  readonly startedAt: Date;
  /** The cluster connections and the fleet model; set by startBackgroundWork. */
  fleet?: FleetRuntime;
  /** Watches the config file; valid edits of the cluster sources apply without a restart. */
  configWatcher?: ConfigWatcher;
}

const KEY = Symbol.for('meshglass.app-runtime');
type Holder = { [KEY]?: AppRuntime };

/**
 * Returns the process's runtime, creating it on first use. Kept on globalThis
 * so that dev-mode module reloads do not start a second copy of the watches.
 * Throws (with the config file and field named) when the config is invalid.
 */
export function getAppRuntime(): AppRuntime {
  const holder = globalThis as Holder;
  const existing = holder[KEY];
  if (existing) return existing;
  const config = loadConfig();
  const logger = createLogger(config.config.log.level);
  const runtime: AppRuntime = { config, logger, readiness: new Readiness(), startedAt: new Date() };
  holder[KEY] = runtime;
  startBackgroundWork(runtime);
  logger.info({ configFile: config.file ?? '(defaults)' }, 'meshglass runtime started');
  return runtime;
}

/** Stops the process's runtime (watches, sources, timers) and forgets it; the next getAppRuntime() starts afresh. For tests and shutdown. */
export function stopAppRuntime(): void {
  const holder = globalThis as Holder;
  holder[KEY]?.configWatcher?.stop();
  holder[KEY]?.fleet?.stop();
  delete holder[KEY];
}

/** Starts the cluster connections and the fleet model, feeding readiness as each cluster is first tried. */
function startBackgroundWork(runtime: AppRuntime): void {
  const clusters = runtime.config.config.clusters;
  if (clusters.kubeconfigs.length + clusters.remoteSecrets.length === 0) runtime.logger.warn('no cluster sources configured: the dashboard starts with an empty fleet');
  runtime.fleet = startFleetRuntime(clusters, { resolvePath: runtime.config.resolvePath, logger: runtime.logger.child({ component: 'fleet' }), lifecycle: runtime.readiness });
  // Every source has offered its clusters: an empty fleet is now known to be empty.
  void runtime.fleet.started.then(() => runtime.readiness.expect([]));
  watchClusterSources(runtime, runtime.fleet);
}

/** Hot reload: a valid edit of the config file replaces the cluster sources; an invalid one is logged and shown, the running config stays. */
function watchClusterSources(runtime: AppRuntime, fleet: FleetRuntime): void {
  const file = runtime.config.file ?? configFilePath();
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Running on defaults: the file may appear later.
  }
  const pollMs = Number(process.env.MESHGLASS_CONFIG_POLL_MS) || 2000;
  const logger = runtime.logger.child({ component: 'config' });
  runtime.configWatcher = watchConfigFile(file, text, (next) => fleet.reconfigure(next.clusters), { pollMs, logger, onStatus: () => fleet.model.sourcesChanged() });
  const watcher = runtime.configWatcher;
  fleet.model.setConfigView(() => watcher.status());
}
