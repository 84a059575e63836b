import { z } from 'zod';
import { clusterNameSchema, dnsLabelSchema, objectNameSchema } from '@/lib/fleet/params';
import type { ChangeCategory, ChangeEntry, HistoryGap } from './change-types';

export const CHANGE_CATEGORIES = ['config', 'workload', 'service', 'namespace', 'controlplane', 'trust', 'cluster', 'finding', 'health'] as const satisfies readonly ChangeCategory[];

/** A comma-separated list in one query parameter: `cluster=us-east-1,eu-west-1` (no cluster name holds a comma). */
const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .max(4000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(100));

const isoTime = z.iso.datetime({ offset: true });

/** ?cluster&namespace&service&kind&category&from&to&cursor&limit of /api/v1/changes. */
export const changesQuerySchema = z.strictObject({
  cluster: list(clusterNameSchema).optional(),
  namespace: list(dnsLabelSchema).optional(),
  /** namespace/name of a global service. */
  service: z.string().max(320).refine((s) => { const [ns = '', n = '', ...more] = s.split('/'); return !more.length && dnsLabelSchema.safeParse(ns).success && objectNameSchema.safeParse(n).success; }, 'must be namespace/name').optional(),
  kind: list(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,62}$/, 'a kind such as DestinationRule')).optional(),
  category: z.string().max(400).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(CHANGE_CATEGORIES)).min(1)).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

/** The history as a whole: whether it records now, and where it has holes. */
export interface HistoryStatus {
  /** off: not configured; down: the store cannot be written (changes are seen live but not kept). */
  state: 'ok' | 'down' | 'off';
  backend?: 'pglite' | 'postgresql';
  /** Whether this replica records (on a shared server one replica holds the writer lease; the others only read). */
  recording?: boolean;
  /** Gaps overlapping the asked range, oldest first; an open one has no `to`. */
  gaps: HistoryGap[];
  lastError?: string;
}

/** One entry as a caller may see it: `redacted` when the caller may not see that namespace's config detail. */
export type VisibleChange = ChangeEntry & { redacted?: true };

/** The answer of /api/v1/changes: newest first. */
export interface ChangesAnswer {
  items: VisibleChange[];
  next?: string;
  history: HistoryStatus;
}
