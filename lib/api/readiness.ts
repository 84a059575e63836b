import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, fetchJson } from './fetch-json';

export const readinessSchema = z.object({
  status: z.enum(['ready', 'waiting']),
  ready: z.boolean(),
  tried: z.number(),
  total: z.number(),
  pending: z.number(),
});
export type ReadinessInfo = z.infer<typeof readinessSchema>;

/** /readyz answers 503 while waiting, with the same body: both are data here. */
export async function fetchReadiness(): Promise<ReadinessInfo> {
  try {
    return await fetchJson('/api/v1/readyz', readinessSchema);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 503) {
      const parsed = readinessSchema.safeParse(err.body);
      if (parsed.success) return parsed.data;
    }
    throw err;
  }
}

/** How far the first connection to every cluster has got; polls only until ready. */
export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: fetchReadiness,
    refetchInterval: (query) => (query.state.data?.ready ? 30_000 : 2_000),
  });
}
