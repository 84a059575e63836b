import 'server-only';
import { nothingKnown } from '../fleet/envelope';
import { ALL, type VisibilityScope } from '../fleet/scope';
import type { LoadedConfig } from '../config/load-config';
import { getAppRuntime } from '../runtime/app-runtime';
import { fleetFacts, type FleetFacts } from './fleet-facts';
import { createTelemetryService, type TelemetryService } from './telemetry-service';

const KEY = Symbol.for('meshglass.telemetry-service');
type Holder = { [KEY]?: { svc: TelemetryService; config: LoadedConfig } };

/**
 * The process's telemetry service, built once from the runtime's config (kept
 * on globalThis across dev reloads so the cache survives; rebuilt when the
 * runtime was restarted with another config).
 */
export function currentTelemetry(): TelemetryService {
  const holder = globalThis as Holder;
  const { config } = getAppRuntime();
  if (holder[KEY]?.config !== config) holder[KEY] = { svc: createTelemetryService(config.config.telemetry, config.resolvePath), config };
  return holder[KEY].svc;
}

/** The fleet facts for a caller's scope (routes pass `ctx.scope`). */
export function currentFleetFacts(scope: VisibilityScope = ALL): FleetFacts {
  const fleet = getAppRuntime().fleet;
  if (!fleet) throw new Error('the fleet runtime has not started');
  return fleetFacts(fleet.model, scope);
}

/** The status of a telemetry answer: 503 while no cluster has synced anything (as the fleet routes answer), else 200. */
export function telemetryStatus(): number {
  const fleet = getAppRuntime().fleet;
  return fleet && nothingKnown(fleet.model) ? 503 : 200;
}
