import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';

export const levelSchema = z.enum(['Error', 'Warning', 'Info']);

/** One object a finding is about. */
export const objectRefSchema = z.object({ kind: z.string(), namespace: z.string(), name: z.string(), cluster: z.string() });

/** One analysis finding (Istio's IST codes or Meshglass's MG codes). */
export const findingSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: levelSchema,
  message: z.string(),
  objects: z.array(objectRefSchema),
  mentions: z.array(objectRefSchema).optional(),
  clusters: z.array(z.string()),
  fix: z.string(),
});
export type FindingItem = z.infer<typeof findingSchema>;

/** GET /api/v1/findings query: filters (each optional) and paging. */
export const findingsQuerySchema = z.strictObject({
  level: levelSchema.optional(),
  code: z.string().regex(/^(IST|MG)\d{4}$/, 'a code such as IST0101 or MG0001').optional(),
  cluster: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type FindingsQuery = z.input<typeof findingsQuerySchema>;

/** The data of the findings answer: a page of findings, counts by level of all matches, and how current the analysis is. */
export const findingListSchema = z.object({
  items: z.array(findingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ Error: z.number().int(), Warning: z.number().int(), Info: z.number().int() }),
  /** Model revision the findings reflect (the envelope's revision may be newer by up to the debounce); null before the first run. */
  analyzedRevision: z.number().int().nullable(),
  computedAt: z.string().nullable(),
});
export type FindingList = z.infer<typeof findingListSchema>;

export const findingsResponseSchema = fleetResponseSchema(findingListSchema);


/** The query string of a findings query (empty values left out). */
export function findingsPath(q: FindingsQuery = {}): string {
  const s = new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();
  return `/api/v1/findings${s ? `?${s}` : ''}`;
}

/** GET /api/v1/findings. */
export const fetchFindings = (q: FindingsQuery = {}) => fetchJson(findingsPath(q), findingsResponseSchema);

/** Findings matching a query, kept fresh by SSE invalidation of the 'findings' prefix (and a slow poll as a fallback). */
export function useFindings(q: FindingsQuery = {}) {
  return useQuery({ queryKey: qk.findings.list(q), queryFn: () => fetchFindings(q), refetchInterval: 30_000 });
}
