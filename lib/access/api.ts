import { z } from 'zod';
import { ROLES } from './roles';

/** GET /api/v1/auth/me: who the browser is, what it may do, and the CSRF token for state-changing calls. */
export const meSchema = z.object({
  authenticated: z.boolean(),
  mode: z.enum(['anonymous', 'header', 'oidc']),
  kind: z.enum(['anonymous', 'user', 'share']),
  user: z.string(),
  name: z.string().optional(),
  groups: z.array(z.string()),
  /** Strongest role across the caller's workspaces; absent when bound to none. */
  role: z.enum(ROLES).optional(),
  capabilities: z.object({ allWorkspaces: z.boolean(), configSpecs: z.boolean(), proxies: z.boolean(), shareLinks: z.boolean(), settings: z.boolean() }),
  /** Send as the x-csrf-token header on POST/DELETE. */
  csrfToken: z.string(),
  /** When the session or share link ends (ISO), if it does. */
  expiresAt: z.string().optional(),
});
export type Me = z.infer<typeof meSchema>;

/** One workspace as listed to a caller bound to it. */
export const workspaceSummarySchema = z.object({
  name: z.string(),
  description: z.string(),
  selectors: z.array(z.string()),
  role: z.enum(ROLES),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

/** GET /api/v1/workspaces. */
export const workspaceListSchema = z.object({ items: z.array(workspaceSummarySchema) });

/** POST /api/v1/share-links body. */
export const createShareLinkSchema = z.strictObject({
  workspace: z.string().min(1).max(63),
  /** Hours until the link expires; at most 168 (7 days). */
  ttlHours: z.number().positive().max(168).optional(),
});

/** A share link as listed (never the token, which only its creator sees once). */
export const shareLinkSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;
