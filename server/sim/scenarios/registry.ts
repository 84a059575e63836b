/** Every named scenario, in the order the docs list them. */
import { clusterDown, slowApi, tokenExpired, watchExpiry } from './api-faults';
import { configChurn } from './config-churn';
import { dataplaneMismatch } from './dataplane-mismatch';
import { errorSpike } from './error-spike';
import { failover } from './failover';
import { healthy } from './healthy';
import { latency } from './latency';
import { missingEastwestAddress } from './missing-eastwest-address';
import { routeNotAccepted } from './route-not-accepted';
import { splitTrust } from './split-trust';
import { staleProxies } from './stale-proxies';
import type { Scenario } from './types';
import { versionSkew } from './version-skew';
import { waypointDown } from './waypoint-down';
import { waypointLatency } from './waypoint-latency';
import { waypointMissing } from './waypoint-missing';
import { ztunnelNodeDown } from './ztunnel-node-down';

export const SCENARIOS: Scenario[] = [
  healthy,
  failover,
  errorSpike,
  latency,
  staleProxies,
  splitTrust,
  missingEastwestAddress,
  versionSkew,
  clusterDown,
  slowApi,
  tokenExpired,
  watchExpiry,
  configChurn,
  waypointDown,
  routeNotAccepted,
  ztunnelNodeDown,
  dataplaneMismatch,
  waypointMissing,
  waypointLatency,
];

export const scenarioByName = (name: string): Scenario | undefined => SCENARIOS.find((s) => s.name === name);
export const scenarioNames = (): string[] => SCENARIOS.map((s) => s.name);
/** Name and one-line summary of every scenario. */
export const scenarioList = (): Array<{ name: string; summary: string }> => SCENARIOS.map((s) => ({ name: s.name, summary: s.summary }));
