import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { Page } from '@/lib/fleet/paging';
import type { ServiceSummary, ServicesQuery } from '@/lib/fleet/services';
import type { FleetModel } from '../fleet/model';
import { ALL, allows, type VisibilityScope } from '../fleet/scope';
import { getServices } from '../fleet/services';
import { Refusal } from '../errors/refusal';
import { withTelemetryStatuses } from './envelope';
import type { TelemetryClusterState } from './fan-out';
import { fleetFacts, type FleetFacts } from './fleet-facts';
import { QueryCache } from './query-cache';
import { serviceAccumulators, serviceRow } from './service-signals';
import type { SignalAccumulator } from './signal-accumulator';
import { filterByHealth, isSignalSort, needsAllSignals, sortBySignal, withSignals } from './services-join';
import type { TelemetryService } from './telemetry-service';

/** Every service instance's accumulators for one window, and the rows already joined from them. */
export interface FleetSignals {
  acc: Map<string, SignalAccumulator>;
  telemetry: Record<string, TelemetryClusterState>;
  /** 'ns/name@clusters' -> the row's signals (a row's clusters are one mesh's); filled on demand, dropped with the entry. */
  rows: Map<string, ServiceSignals>;
}

const caches = new WeakMap<TelemetryService, QueryCache<FleetSignals>>();

/** One fan-out (three instant queries) for the whole fleet per window, shared by every caller for cacheSeconds and joined while in flight. */
function fleetSignals(svc: TelemetryService, clusters: string[], window: string): Promise<FleetSignals> {
  let cache = caches.get(svc);
  const ttl = Math.max(1, svc.cacheSeconds) * 1000;
  if (!cache) caches.set(svc, (cache = new QueryCache<FleetSignals>(ttl, 16, Date.now, ttl)));
  return cache.get(`${window}\u0000${clusters.join(',')}`, async () => ({ ...(await serviceAccumulators(svc, clusters, window, {})), rows: new Map() }));
}

/** A row's signals, summed over its visible clusters only: a row is one mesh's service, so another mesh's same-named service never adds in. */
function rowSignals(svc: TelemetryService, facts: FleetFacts, all: FleetSignals, scope: VisibilityScope, row: ServiceSummary): ServiceSignals | undefined {
  if (row.kind !== 'Service') return undefined;
  const clusters = row.clusters.filter((c) => allows(scope, c, row.namespace));
  const key = `${row.namespace}/${row.name}@${clusters.join(',')}`;
  let s = all.rows.get(key);
  if (!s) all.rows.set(key, (s = serviceRow(svc, facts, row.namespace, row.name, clusters, all.acc, all.telemetry)));
  return s;
}

/**
 * The fleet-wide signals a services list joins (one shared answer per window, see fleetSignals);
 * undefined without telemetry. Awaited before the list is made, so that the list itself is a
 * synchronous function of the model and this answer (and can be shared, see the services route).
 */
export async function servicesListSignals(model: FleetModel, query: ServicesQuery, svc: TelemetryService): Promise<FleetSignals | undefined> {
  if (svc.client.mode === 'none') return undefined;
  return fleetSignals(svc, fleetFacts(model, ALL).clusters(), query.window ?? svc.window);
}

/**
 * GET /api/v1/services joined with telemetry: each Service row gains its
 * signals and health (over its mesh's clusters, and per cluster), `health` filters and the
 * rps/errors/p95/health orders apply. Without telemetry (`all` undefined) the
 * fleet answer is returned unchanged, and signal filters and orders are a 400.
 */
export function servicesWithSignals(
  model: FleetModel,
  scope: VisibilityScope,
  query: ServicesQuery,
  svc: TelemetryService,
  all: FleetSignals | undefined,
): FleetResponse<Page<ServiceSummary>> {
  const wholeList = needsAllSignals(query);
  if (!all) {
    if (wholeList) throw new Refusal('bad_input', 'telemetry_not_configured', 'the health filter and the rps, errors, p95 and health orders need telemetry (telemetry.mode is none)');
    return getServices(model, scope, query);
  }
  // Signals are fleet-wide (shared by every caller); each row is then cut to the caller's clusters.
  const facts = fleetFacts(model, ALL);
  const join = (r: ServiceSummary) => withSignals(r, rowSignals(svc, facts, all, scope, r), query.include === 'clusterSignals');
  let res: FleetResponse<Page<ServiceSummary>>;
  if (!wholeList) {
    res = getServices(model, scope, query);
    res = { ...res, data: { ...res.data, items: res.data.items.map(join) } };
  } else {
    const everything = getServices(model, scope, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
    let rows = filterByHealth(everything.data.items.map(join), query.health);
    if (isSignalSort(query.sort)) rows = sortBySignal(rows, query.sort);
    const start = (query.page - 1) * query.pageSize;
    res = { ...everything, data: { items: rows.slice(start, start + query.pageSize), total: rows.length, page: query.page, pageSize: query.pageSize } };
  }
  return { ...res, clusters: withTelemetryStatuses(res.clusters, all.telemetry) };
}

/** servicesListSignals then servicesWithSignals. */
export async function getServicesWithSignals(model: FleetModel, scope: VisibilityScope, query: ServicesQuery, svc: TelemetryService): Promise<FleetResponse<Page<ServiceSummary>>> {
  return servicesWithSignals(model, scope, query, svc, await servicesListSignals(model, query, svc));
}
