import { isIP } from 'node:net';
import { z } from 'zod';
import { ROLES } from '@/lib/access/roles';
import { parseSelector } from '@/lib/access/selector';

// No 'server-only' here: like schema.ts, this is read by the config CLI too.

const role = z.enum(ROLES);

const selector = z.string().superRefine((s, ctx) => {
  try {
    parseSelector(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

/** An IP address, or an IPv4/IPv6 CIDR block. */
const addressOrCidr = z.string().refine((s) => {
  const [ip = '', bits, extra] = s.split('/');
  const family = isIP(ip);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}, 'not an IP address or CIDR block');

const secretFields = {
  /** Secret for session cookies, CSRF tokens and share links (at least 32 characters); or secretFile. */
  secret: z.string().min(32).optional(),
  secretFile: z.string().min(1).optional(),
};

const anonymousAuth = z.strictObject({
  /** The role every caller gets. */
  role: role.default('admin'),
  /** Workspaces of that role (names, or '*' for every workspace); ignored for admin. */
  workspaces: z.array(z.string().min(1)).default(['*']),
  /** Serve anonymously on a non-loopback address. Off: the server refuses to start there. */
  allowNonLoopback: z.boolean().default(false),
});

const headerAuth = z.strictObject({
  /** Addresses (or CIDR blocks) of the proxies allowed to assert identity; requests from elsewhere are refused. */
  trustedProxies: z.array(addressOrCidr).min(1),
  userHeader: z.string().min(1).default('x-forwarded-user'),
  groupsHeader: z.string().min(1).default('x-forwarded-groups'),
  groupsSeparator: z.string().min(1).default(','),
});

const oidcAuth = z.strictObject({
  issuer: z.url({ protocol: /^https?$/ }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  clientSecretFile: z.string().min(1).optional(),
  /** The public URL of /api/v1/auth/callback as registered with the provider; its origin is the app's origin. */
  redirectUrl: z.url({ protocol: /^https?$/ }),
  scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email']),
  usernameClaim: z.string().min(1).default('preferred_username'),
  groupsClaim: z.string().min(1).default('groups'),
  /** A session ends this long after login, whatever the provider's tokens say. */
  sessionMaxAgeSeconds: z.number().int().positive().max(7 * 24 * 3600).default(8 * 3600),
  /** Permit an http:// issuer (tests against a loopback provider only). */
  allowInsecureIssuer: z.boolean().default(false),
});

export const authConfigSchema = z
  .strictObject({
    mode: z.enum(['anonymous', 'header', 'oidc']).default('anonymous'),
    anonymous: anonymousAuth.default({ role: 'admin', workspaces: ['*'], allowNonLoopback: false }),
    header: headerAuth.optional(),
    oidc: oidcAuth.optional(),
    ...secretFields,
    /** Secure flag on cookies: auto = when the app's URL (or the request) is https. */
    cookieSecure: z.enum(['auto', 'always', 'never']).default('auto'),
  })
  .refine((a) => a.mode !== 'header' || a.header, { message: 'mode "header" needs auth.header', path: ['header'] })
  .refine((a) => a.mode !== 'oidc' || a.oidc, { message: 'mode "oidc" needs auth.oidc', path: ['oidc'] })
  .refine((a) => !(a.secret && a.secretFile), { message: 'give secret or secretFile, not both', path: ['secret'] });

export const workspaceSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS label (lower case, digits, dashes)'),
  description: z.string().default(''),
  /** `cluster/namespace` selectors: names, `*`, or prefixes such as `*\/team-a-*`. */
  selectors: z.array(selector).min(1),
});

export const bindingSchema = z
  .strictObject({
    users: z.array(z.string().min(1)).default([]),
    groups: z.array(z.string().min(1)).default([]),
    role,
    /** Workspace names, or '*' for every workspace. Admins see everything regardless. */
    workspaces: z.array(z.string().min(1)).default([]),
  })
  .refine((b) => b.users.length + b.groups.length > 0, { message: 'a binding needs users or groups' });

export const shareLinksConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Longest life of a link; at most 7 days. */
  maxTtlHours: z.number().positive().max(168).default(168),
  defaultTtlHours: z.number().positive().max(168).default(24),
  /** File that keeps revoked link ids across restarts (relative to the config file). */
  revocationsFile: z.string().min(1).optional(),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;
export type WorkspaceConfig = z.infer<typeof workspaceSchema>;
export type BindingConfig = z.infer<typeof bindingSchema>;
export type ShareLinksConfig = z.infer<typeof shareLinksConfigSchema>;
export type OidcConfig = z.infer<typeof oidcAuth>;
export type HeaderAuthConfig = z.infer<typeof headerAuth>;
