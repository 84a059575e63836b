import { z } from 'zod';

/** How one cluster's part of an answer stands. */
export const clusterStateSchema = z.enum(['ok', 'syncing', 'stale', 'unreachable', 'unauthorized', 'forbidden', 'error']);
export type ClusterState = z.infer<typeof clusterStateSchema>;

/** One cluster's outcome beside a multi-cluster answer. */
export const clusterStatusSchema = z.object({
  state: clusterStateSchema,
  /** Why the cluster is not ok, in words a user can act on. */
  reason: z.string().optional(),
  /** Seconds since the cluster's data was last confirmed fresh. */
  dataAgeSeconds: z.number(),
});
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

/**
 * Every multi-cluster answer: the data, every cluster the caller may see with
 * its state, the fleet model revision it reflects, and when it was made.
 */
export function fleetResponseSchema<T extends z.ZodType>(data: T) {
  return z.object({
    data,
    clusters: z.record(z.string(), clusterStatusSchema),
    revision: z.number().int().nonnegative(),
    generatedAt: z.string(),
  });
}
export interface FleetResponse<T> {
  data: T;
  clusters: Record<string, ClusterStatus>;
  revision: number;
  generatedAt: string;
}

/** The body of every 4xx/5xx answer. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** zod issues for bad input: where and what. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
