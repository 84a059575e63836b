import { analyzerOf, caseId, istioCases, runIstioCase } from '../istio-parity';
import { PARITY_AREAS } from './index';

/** Every Istio case run once: which agree, and the recorded exceptions with reasons. */
export function parityReport() {
  const exceptions = new Map<string, string>();
  for (const area of Object.values(PARITY_AREAS)) for (const [id, why] of Object.entries(area.exceptions)) exceptions.set(id, why);
  const results = istioCases().map((c) => ({ c, id: caseId(c), analyzer: analyzerOf(c), ...runIstioCase(c) }));
  return {
    results,
    agreeing: results.filter((r) => r.agree).length,
    exceptions: results.filter((r) => exceptions.has(r.id)).map((r) => ({ id: r.id, analyzer: r.analyzer, reason: exceptions.get(r.id)! })),
    recorded: exceptions,
  };
}
