import { z } from 'zod';
import { configStatusViewSchema } from './config-status';
import { pagingQuerySchema } from './paging';
import { clusterNameSchema, dnsLabelSchema, groupParamSchema, kindParamSchema, objectNameSchema } from './params';

/** An Istio, Gateway API or Admiral config object in a list (no spec). */
export const configSummarySchema = z.object({
  cluster: z.string(),
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  resourceVersion: z.string().optional(),
  creationTimestamp: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  /** What its controller reports of it in this cluster (Gateway API kinds that carry conditions): ok, or the failing conditions. */
  statusSummary: configStatusViewSchema.optional(),
});
export type ConfigSummary = z.infer<typeof configSummarySchema>;

/** One config object with its spec (and status). */
export const configDetailSchema = configSummarySchema.extend({
  generation: z.number().optional(),
  annotations: z.record(z.string(), z.string()),
  spec: z.unknown(),
  status: z.unknown().optional(),
});
export type ConfigDetail = z.infer<typeof configDetailSchema>;

export const configQuerySchema = pagingQuerySchema.extend({
  kind: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  q: z.string().max(200).optional(),
});
export type ConfigQuery = z.infer<typeof configQuerySchema>;

/** Path parameters of /api/v1/config/{cluster}/{group}/{kind}/{namespace}/{name}: core group as '-' or 'core', cluster-scoped namespace as '-'. */
export const configRefSchema = z.strictObject({
  cluster: clusterNameSchema,
  group: groupParamSchema,
  kind: kindParamSchema,
  namespace: z.union([z.literal('-'), dnsLabelSchema]),
  name: objectNameSchema,
});
