import 'server-only';
import { getAppRuntime } from '../runtime/app-runtime';
import { currentFleetModel } from '../fleet/current';
import type { FleetModel } from '../fleet/model';
import { ALL } from '../fleet/scope';
import { currentTelemetry } from '../telemetry/current';
import { fleetFacts } from '../telemetry/fleet-facts';
import { startMismatchFeed, type MismatchFeed } from '../telemetry/mismatch-feed';
import { AnalysisEngine } from './engine';
import { loadCrdValidator } from './schema-validation';

// One engine per process, kept on globalThis so Next's module reloading in dev does not start a second.
type Slot = { engine: AnalysisEngine; model: FleetModel; feed?: MismatchFeed };
const slot = globalThis as unknown as { __meshglassAnalysis?: Slot };

/**
 * The process's analysis engine over the current fleet model, started on
 * first use; with telemetry configured, the cluster-label check feeds it
 * MG0018 on a timer. A restarted runtime (a new model) gets a new engine.
 */
export function currentAnalysisEngine(): AnalysisEngine {
  const model = currentFleetModel();
  const held = slot.__meshglassAnalysis;
  if (held?.model === model) return held.engine;
  held?.engine.stop();
  held?.feed?.stop();
  const { logger } = getAppRuntime();
  const { validator, problem } = loadCrdValidator();
  if (problem) logger.warn({ problem }, 'analysis: schema validation disabled');
  // A rule that throws ends that run only; the next change or the 10-minute refresh tries again.
  const onError = (err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'analysis run failed');
  const engine = new AnalysisEngine(model, { validateSchema: validator?.validate, onError }).start();
  const svc = currentTelemetry();
  const feed = svc.client.mode === 'none'
    ? undefined
    : startMismatchFeed({ svc, facts: () => fleetFacts(model, ALL), publish: (list) => engine.setTelemetryMismatches(list), logger: logger.child({ component: 'analysis' }) });
  slot.__meshglassAnalysis = { engine, model, feed };
  return engine;
}
