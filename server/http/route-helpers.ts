import 'server-only';
import type { z } from 'zod';
import type { FleetResponse } from '@/lib/api/envelope';
import { searchParamsObject } from '@/lib/fleet/paging';
import { ApiProblem, jsonResponse } from './api-route';
import { jsonTextResponse } from './api-problem';
import { scopeKey } from '../fleet/scoped-rows';
import type { VisibilityScope } from '../fleet/scope';
import { SharedAnswers } from '../fleet/shared-answers';
import { nothingKnown } from '../fleet/envelope';
import type { FleetModel } from '../fleet/model';

/** Parses a request's query string with a schema; bad input becomes a 400 with the zod issues. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const r = schema.safeParse(searchParamsObject(new URL(req.url).searchParams));
  if (!r.success) throw ApiProblem.badInput(r.error);
  return r.data;
}

/** Parses route parameters with a schema (400 when they do not fit). */
export function parseParams<S extends z.ZodType>(params: Record<string, string | string[]>, schema: S): z.infer<S> {
  const r = schema.safeParse(params);
  if (!r.success) throw ApiProblem.badInput(r.error);
  return r.data;
}

/** 200 with the envelope; 503 with the envelope while no cluster has synced anything; 404 for undefined. */
export function fleetJson(model: FleetModel, res: FleetResponse<unknown> | undefined, what = 'object'): Response {
  if (!res) throw new ApiProblem(404, 'not_found', `no such ${what}`);
  return jsonResponse(res, nothingKnown(model) ? 503 : 200);
}

const shared = new SharedAnswers();

/**
 * fleetJson for a read that many callers repeat (the clusters list, a service's detail, a services page): the
 * answer is made and serialised once per route key, visibility and model revision (and `dep`, what else it was
 * made from, by identity), for at most a second.
 */
export function sharedFleetJson(model: FleetModel, scope: VisibilityScope, key: string, make: () => FleetResponse<unknown> | undefined, what = 'object', dep?: object): Response {
  const a = shared.get(model, `${key}\u0000${scopeKey(scope)}`, Date.now(), make, () => (nothingKnown(model) ? 503 : 200), dep);
  if (!a) throw new ApiProblem(404, 'not_found', `no such ${what}`);
  return jsonTextResponse(a.json, a.status);
}

/** The status of a telemetry answer: 503 while no cluster has synced anything, as the fleet routes answer, else 200. */
export function telemetryStatus(model: FleetModel): number {
  return nothingKnown(model) ? 503 : 200;
}

/** A telemetry answer with telemetryStatus. */
export function telemetryJson(model: FleetModel, res: FleetResponse<unknown>): Response {
  return jsonResponse(res, telemetryStatus(model));
}
