import { z } from 'zod';
import { CHANGE_CATEGORIES } from './changes-query';
import type { ChangeCategory } from './change-types';

/** ?minutes&min&category&limit of /api/v1/changes/churn: objects changed again and again lately. */
export const churnQuerySchema = z.strictObject({
  /** The window, ending now. */
  minutes: z.coerce.number().int().min(1).max(1440).default(5),
  /** Only objects changed at least this often in it. */
  min: z.coerce.number().int().min(2).max(10_000).default(5),
  category: z.string().max(400).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(CHANGE_CATEGORIES)).min(1)).default(['config']),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ChurnQueryParams = z.infer<typeof churnQuerySchema>;

export const churnItemSchema = z.object({
  cluster: z.string(),
  category: z.enum(CHANGE_CATEGORIES),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  changes: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type ChurnItem = z.infer<typeof churnItemSchema> & { category: ChangeCategory };

export const churnAnswerSchema = z.object({ minutes: z.number().int(), min: z.number().int(), items: z.array(churnItemSchema) });
export type ChurnAnswer = z.infer<typeof churnAnswerSchema>;
