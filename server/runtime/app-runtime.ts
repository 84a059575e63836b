import 'server-only';
import { readFileSync } from 'node:fs';
import { accessConfigSource, type AccessConfigSource } from '../access/access-config';
import { installShareLinkRegistry, StoreShareLinks } from '../access/share-link-store';
import type { AnalysisEngine } from '../analysis/engine';
import { startAnalysis, type RunningAnalysis } from '../analysis/start-analysis';
import { configFilePath, loadConfig, type LoadedConfig } from '../config/load-config';
import { watchConfigFile, type ConfigWatcher } from '../config/config-watcher';
import { startFleetRuntime, type FleetRuntime } from '../fleet/fleet-runtime';
import type { FleetModel } from '../fleet/model';
import { ALL, type VisibilityScope } from '../fleet/scope';
import { createLogger, type Logger } from '../log/logger';
import type { AuditTrail } from '../history/access-records';
import { fleetFacts, type FleetFacts } from '../telemetry/fleet-facts';
import { createTelemetryService, type TelemetryService } from '../telemetry/telemetry-service';
import type { HistoryRuntime } from './history-runtime';
import { serviceHealthSamples } from '../changes/health-recorder';
import { Readiness } from './readiness';
import { startHistory } from './start-history';

/**
 * The application: built once per process, in order, here and nowhere else,
 * and handed to route handlers through apiRoute's context (`ctx.app`). Every
 * long-lived part and its lifetime is in this file.
 */
export interface AppRuntime {
  readonly config: LoadedConfig;
  readonly logger: Logger;
  readonly readiness: Readiness;
  readonly startedAt: Date;
  /** Workspaces, bindings, share links and keys; re-read when the config file changes. */
  readonly access: AccessConfigSource;
  /** The cluster connections and the fleet model they fill. */
  readonly fleet: FleetRuntime;
  readonly model: FleetModel;
  readonly telemetry: TelemetryService;
  /** The fleet's change history: recorded from the model, read by /api/v1/changes. */
  readonly history: HistoryRuntime;
  /** Who did what: every request's audit line and share-link actions, in the history's store (read by /api/v1/audit). */
  readonly audit: AuditTrail;
  /** The continuous analysis over the model, started on first use (or by startOrExit at boot). */
  analysis(): AnalysisEngine;
  /** The fleet facts the telemetry reads, for a caller's scope. */
  facts(scope?: VisibilityScope): FleetFacts;
  /** Stops every part, in reverse order of start; resolves when the history has flushed and closed its store. */
  stop(): Promise<void>;
}

function createAppRuntime(): AppRuntime {
  // 1. config and logging: a bad config throws here, naming the file and field.
  const config = loadConfig();
  const logger = createLogger(config.config.log.level);
  const readiness = new Readiness();
  // 2. access control's view of the config.
  const access = accessConfigSource(config, logger);
  // 3. cluster sources and the fleet model.
  const clusters = config.config.clusters;
  if (clusters.kubeconfigs.length + clusters.remoteSecrets.length === 0 && !clusters.inCluster) logger.warn('no cluster sources configured: the dashboard starts with an empty fleet');
  const fleet = startFleetRuntime(clusters, { resolvePath: config.resolvePath, logger: logger.child({ component: 'fleet' }), lifecycle: readiness });
  // Every source has offered its clusters: an empty fleet is now known to be empty.
  void fleet.started.then(() => readiness.expect([]));
  // 4. telemetry.
  const telemetry = createTelemetryService(config.config.telemetry, config.resolvePath);
  // 5. analysis, on first use.
  let analysis: RunningAnalysis | undefined;
  const analysisEngine = () => (analysis ??= startAnalysis(fleet.model, telemetry, logger)).engine;
  // 6. the change history: the recorder watches the model from the start, so no change after the first sync is missed.
  const healthSamples = config.config.telemetry.mode === 'none' ? undefined : () => serviceHealthSamples(telemetry, fleetFacts(fleet.model, ALL));
  const history = startHistory(config.config.history, { resolvePath: config.resolvePath, logger, model: fleet.model, analysis: analysisEngine, healthSamples });
  // 7. share links: in the history's store when it is on, so every replica on one server agrees on revocations.
  const shareLinks = history.accessRecords && new StoreShareLinks(history.accessRecords, { logger: logger.child({ component: 'share-links' }) });
  const uninstallShareLinks = shareLinks && installShareLinkRegistry(shareLinks);
  if (shareLinks && config.config.shareLinks.revocationsFile) logger.warn('shareLinks.revocationsFile is not used: share links and revocations are kept in the history store');
  // 8. the config file watcher: valid edits of the cluster sources apply without a restart.
  const configWatcher = watchClusterSources(config, logger, fleet);
  return {
    config,
    logger,
    readiness,
    startedAt: new Date(),
    access,
    fleet,
    model: fleet.model,
    telemetry,
    history,
    audit: history.audit,
    analysis: analysisEngine,
    facts: (scope = ALL) => fleetFacts(fleet.model, scope),
    stop: async () => {
      analysis?.stop();
      configWatcher.stop();
      fleet.stop();
      shareLinks?.stop();
      uninstallShareLinks?.();
      await history.stop().catch((err: unknown) => logger.warn({ err }, 'the change history did not stop cleanly'));
    },
  };
}

/** Hot reload: a valid edit of the config file replaces the cluster sources; an invalid one is logged and shown, the running config stays. */
function watchClusterSources(config: LoadedConfig, parent: Logger, fleet: FleetRuntime): ConfigWatcher {
  const file = config.file ?? configFilePath();
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Running on defaults: the file may appear later.
  }
  const pollMs = Number(process.env.MESHGLASS_CONFIG_POLL_MS) || 2000;
  const logger = parent.child({ component: 'config' });
  const watcher = watchConfigFile(file, text, (next) => fleet.reconfigure(next.clusters), { pollMs, logger, onStatus: () => fleet.model.sourcesChanged() });
  fleet.model.setConfigView(() => watcher.status());
  return watcher;
}

// One per process, kept on globalThis so that dev-mode module reloads do not start a second copy of the watches.
const KEY = Symbol.for('meshglass.app-runtime');
type Holder = { [KEY]?: AppRuntime };

/** The process's application, built on first use. Throws (with the config file and field named) when the config is invalid. */
export function getAppRuntime(): AppRuntime {
  const holder = globalThis as Holder;
  const existing = holder[KEY];
  if (existing) return existing;
  const runtime = createAppRuntime();
  holder[KEY] = runtime;
  runtime.logger.info({ configFile: runtime.config.file ?? '(defaults)' }, 'meshglass runtime started');
  return runtime;
}

/** Stops the process's application and forgets it; the next getAppRuntime() builds afresh. For tests and shutdown. */
export function stopAppRuntime(): Promise<void> {
  const holder = globalThis as Holder;
  const running = holder[KEY];
  delete holder[KEY];
  return running ? running.stop() : Promise.resolve();
}
