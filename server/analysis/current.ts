import 'server-only';
import { getAppRuntime } from '../runtime/app-runtime';
import { currentFleetModel } from '../fleet/current';
import { AnalysisEngine } from './engine';
import { loadCrdValidator } from './schema-validation';

// One engine per process, kept on globalThis so Next's module reloading in dev does not start a second.
const slot = globalThis as unknown as { __meshglassAnalysis?: AnalysisEngine };

/** The process's analysis engine over the current fleet model, started on first use. */
export function currentAnalysisEngine(): AnalysisEngine {
  if (!slot.__meshglassAnalysis) {
    const { validator, problem } = loadCrdValidator();
    if (problem) getAppRuntime().logger.warn({ problem }, 'analysis: schema validation disabled');
    slot.__meshglassAnalysis = new AnalysisEngine(currentFleetModel(), { validateSchema: validator?.validate }).start();
  }
  return slot.__meshglassAnalysis;
}
