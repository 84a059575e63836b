import 'server-only';
import type { FleetModel } from '../fleet/model';
import { ALL } from '../fleet/scope';
import type { Logger } from '../log/logger';
import { fleetFacts } from '../telemetry/fleet-facts';
import { startMismatchFeed, type MismatchFeed } from '../telemetry/mismatch-feed';
import type { TelemetryService } from '../telemetry/telemetry-service';
import { AnalysisEngine } from './engine';
import { loadCrdValidator } from './schema-validation';

/** The continuous fleet analysis and what feeds it. */
export interface RunningAnalysis {
  engine: AnalysisEngine;
  stop(): void;
}

/**
 * Starts the analysis engine over `model`; with telemetry configured, the
 * cluster-label check feeds it MG0018 on a timer. Without the CRD schemas
 * IST0106 is skipped and says why in the log.
 */
export function startAnalysis(model: FleetModel, telemetry: TelemetryService, logger: Logger): RunningAnalysis {
  const { validator, problem } = loadCrdValidator();
  if (problem) logger.warn({ problem }, 'analysis: schema validation disabled');
  // A rule that throws ends that run only; the next change or the 10-minute refresh tries again.
  const onError = (err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'analysis run failed');
  const engine = new AnalysisEngine(model, { validateSchema: validator?.validate, onError }).start();
  const feed: MismatchFeed | undefined = telemetry.client.mode === 'none'
    ? undefined
    : startMismatchFeed({ svc: telemetry, facts: () => fleetFacts(model, ALL), publish: (list) => engine.setTelemetryMismatches(list), logger: logger.child({ component: 'analysis' }) });
  return {
    engine,
    stop: () => {
      engine.stop();
      feed?.stop();
    },
  };
}
