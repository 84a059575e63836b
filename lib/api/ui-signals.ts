import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { serviceSignalsDetailSchema, serviceSignalsListSchema } from './telemetry';

// Telemetry is not part of the SSE change feed: it moves every scrape, so it polls.
const POLL_MS = 15_000;

const listSchema = fleetResponseSchema(serviceSignalsListSchema);
const detailSchema = fleetResponseSchema(serviceSignalsDetailSchema);

type Params = Record<string, string | undefined>;
const qs = (p: Params) => {
  const s = new URLSearchParams(Object.entries(p).flatMap(([k, v]) => (v ? [[k, v]] : []))).toString();
  return s ? `?${s}` : '';
};

export const fetchServiceSignalsList = (p: Params) => fetchJson(`/api/v1/signals/services${qs(p)}`, listSchema);
export const fetchServiceSignals = (ns: string, name: string, p: Params) =>
  fetchJson(`/api/v1/signals/services/${encodeURIComponent(ns)}/${encodeURIComponent(name)}${qs(p)}`, detailSchema);

/** Golden signals and health of every global service (optionally one namespace or cluster). */
export const useServiceSignalsList = (p: Params = {}) =>
  useQuery({ queryKey: ['signals', 'services', p], queryFn: () => fetchServiceSignalsList(p), refetchInterval: POLL_MS });

/** One service's signals per cluster plus range series for charts. */
export const useServiceSignals = (ns: string, name: string, p: Params = {}) =>
  useQuery({ queryKey: ['signals', 'service', ns, name, p], queryFn: () => fetchServiceSignals(ns, name, p), refetchInterval: POLL_MS });
