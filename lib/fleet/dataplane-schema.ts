import { z } from 'zod';

/** A pod's or workload's data-plane mode as the API answers it (see lib/fleet/dataplane.ts for the rules). */
export const dataplaneModeSchema = z.enum(['sidecar', 'ambient', 'none']);
/** A mode across pods or clusters: one mode, or `mixed` when they differ. */
export const dataplaneSummarySchema = z.enum(['sidecar', 'ambient', 'none', 'mixed']);

/** A Kubernetes condition as the API answers it (Gateway API route parents, WaypointBound). */
export const conditionSchema = z.object({
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type ConditionView = z.infer<typeof conditionSchema>;
