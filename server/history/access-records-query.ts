import 'server-only';
import { z } from 'zod';
import type { AuditEvent, AuditTrailStatus } from './access-records';

const isoTime = z.iso.datetime({ offset: true });

/** ?principal&action&from&to&cursor&limit of /api/v1/audit. */
export const auditQuerySchema = z.strictObject({
  /** One principal exactly as the trail names it: a user id, `anonymous`, `share:<link id>`, `unknown`. User ids may hold commas, so there is no list. */
  principal: z.string().min(1).max(256).optional(),
  /** Comma-separated: `request`, `share-link.create`, `share-link.revoke`, `audit.gap`. */
  action: z
    .string()
    .max(400)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z][a-z.-]{0,63}$/, 'an action such as share-link.revoke')).min(1).max(20))
    .optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQueryParams = z.infer<typeof auditQuerySchema>;

/** The answer of /api/v1/audit: newest first, and how the trail is being written (rows may be queued or lost). */
export interface AuditAnswer {
  items: AuditEvent[];
  next?: string;
  trail: AuditTrailStatus;
}
