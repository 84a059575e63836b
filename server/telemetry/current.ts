import 'server-only';
import { ALL } from '../fleet/scope';
import { getAppRuntime } from '../runtime/app-runtime';
import { fleetFacts, type FleetFacts } from './fleet-facts';
import { createTelemetryService, type TelemetryService } from './telemetry-service';

const KEY = Symbol.for('meshglass.telemetry-service');
type Holder = { [KEY]?: TelemetryService };

/** The process's telemetry service, built once from the runtime's config (kept on globalThis across dev reloads so the cache survives). */
export function currentTelemetry(): TelemetryService {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const { config } = getAppRuntime();
    holder[KEY] = createTelemetryService(config.config.telemetry, config.resolvePath);
  }
  return holder[KEY];
}

/**
 * The fleet facts for the current caller. Everyone sees everything until
 * server/access exists; routes pass the caller's scope here when it does.
 */
export function currentFleetFacts(): FleetFacts {
  const fleet = getAppRuntime().fleet;
  if (!fleet) throw new Error('the fleet runtime has not started');
  return fleetFacts(fleet.model, ALL);
}
