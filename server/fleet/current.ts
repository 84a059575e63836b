import 'server-only';
import { getAppRuntime } from '../runtime/app-runtime';
import type { FleetModel } from './model';

/** The process's fleet model (route handlers read it; the runtime starts it on first use). */
export function currentFleetModel(): FleetModel {
  const fleet = getAppRuntime().fleet;
  if (!fleet) throw new Error('the fleet runtime has not started');
  return fleet.model;
}
