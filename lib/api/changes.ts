import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { churnAnswerSchema } from '../history/churn-query';
import { CHANGE_CATEGORIES, type ChangesAnswer, type VisibleChange } from '../history/changes-query';
import { ApiRequestError, fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { qs, seg, type Params } from './query-params';

const gapSchema = z.object({ from: z.string(), to: z.string().optional(), reason: z.string() });

const changeSchema = z.object({
  id: z.string(),
  at: z.string(),
  cluster: z.string(),
  category: z.enum(CHANGE_CATEGORIES),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  action: z.enum(['created', 'changed', 'deleted']),
  summary: z.string(),
  diff: z.array(z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
  services: z.array(z.string()),
  redacted: z.literal(true).optional(),
}) satisfies z.ZodType<VisibleChange>;

const answerSchema = z.object({
  items: z.array(changeSchema),
  next: z.string().optional(),
  history: z.object({ state: z.enum(['ok', 'down', 'off']), backend: z.enum(['pglite', 'postgresql']).optional(), recording: z.boolean().optional(), gaps: z.array(gapSchema), lastError: z.string().optional() }),
}) satisfies z.ZodType<ChangesAnswer>;

/** GET /api/v1/changes: one page, newest first. */
export const fetchChanges = (p: Params) => fetchJson(`/api/v1/changes${qs(p)}`, answerSchema);
export const fetchChange = (id: string) => fetchJson(`/api/v1/changes/${seg(id)}`, changeSchema);

/** The history under filters, a page at a time (`fetchNextPage` loads older entries). */
export function useChanges(p: Params, enabled = true) {
  return useInfiniteQuery({
    queryKey: qk.changes.list(p),
    queryFn: ({ pageParam }) => fetchChanges({ ...p, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
    enabled,
  });
}

/** Every change in a time range (the service charts' markers): one page of at most `limit`. */
export const useChangesInRange = (p: Params, enabled = true) => useQuery({ queryKey: qk.changes.list({ ...p, range: true }), queryFn: () => fetchChanges(p), enabled });

export const useChange = (id: string) => useQuery({ queryKey: qk.changes.detail(id), queryFn: () => fetchChange(id) });

/** Objects changed again and again in the last minutes (the overview's churn problems); new changes refresh it, and so does time passing. */
export const useConfigChurn = () =>
  useQuery({
    queryKey: [...qk.changes.all, 'churn'],
    // A dashboard without a history has no churn to tell, and nothing missing to report.
    queryFn: () => fetchJson('/api/v1/changes/churn', churnAnswerSchema).catch((err: unknown) => {
      if (err instanceof ApiRequestError && err.code === 'history_off') return { minutes: 0, min: 0, items: [] };
      throw err;
    }),
    refetchInterval: 30_000,
  });
