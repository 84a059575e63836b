import 'server-only';
import type { DetailCapability } from '@/lib/access/grants';

/** What a route asks of its caller, by the name given to apiRoute. */
export interface RoutePolicy {
  /** No caller needed (probes, the login flow itself). */
  public: boolean;
  /** A capability the caller must hold in at least one workspace; the scope is narrowed to where it holds. */
  requires?: DetailCapability;
  /** Reachable with a share link (a workspace's overview and topology, read-only). */
  shareable: boolean;
  /** Changes state: CSRF-checked. */
  mutates: boolean;
  /** The handler does not apply a scope yet: only callers who see the whole fleet may use it. */
  unscoped: boolean;
  /** For admins only, by design rather than for want of a scope. */
  admin: boolean;
  /** A person opens it in a browser (a share link): errors answer as an HTML page, not JSON. */
  page: boolean;
}

const PUBLIC = new Set(['healthz', 'readyz', 'auth.login', 'auth.callback', 'share.open']);

// Config objects and proxies are operator detail; one table keeps that rule in one place.
const REQUIRES: Record<string, DetailCapability> = {
  'config.list': 'configSpecs',
  'config.get': 'configSpecs',
  'proxies.list': 'proxies',
  'share-links.create': 'shareLinks',
  'share-links.list': 'shareLinks',
  'share-links.revoke': 'shareLinks',
};

// Routes whose server functions take no scope yet. Failing closed (403 for
// scoped callers) beats showing a viewer the whole fleet; remove a name here
// once its handler passes ctx.scope (the matrix test then covers it). The
// telemetry routes (topology, signals.*) pass it now.
const UNSCOPED = new Set<string>([]);

// The audit trail names every workspace's users and what they opened: it has no per-workspace view.
const ADMIN = new Set(['audit.list']);

const PAGES = new Set(['share.open']);

const MUTATES = new Set(['auth.logout', 'share-links.create', 'share-links.revoke']);

// What a stakeholder with a link sees: the workspace's health, services and topology, nothing else.
const SHAREABLE_EXACT = new Set(['auth.me', 'auth.logout', 'workspaces.list', 'clusters.list', 'clusters.get', 'services.list', 'services.get', 'workloads.list', 'events']);
const SHAREABLE_PREFIX = ['topology', 'signals'];

/** The policy of a route name. Unknown names get the default: any signed-in caller, scope applied. */
export function routePolicy(name: string): RoutePolicy {
  return {
    public: PUBLIC.has(name),
    requires: REQUIRES[name],
    shareable: SHAREABLE_EXACT.has(name) || SHAREABLE_PREFIX.some((p) => name === p || name.startsWith(`${p}.`)),
    mutates: MUTATES.has(name),
    unscoped: UNSCOPED.has(name),
    admin: ADMIN.has(name),
    page: PAGES.has(name),
  };
}
