/**
 * The built-in roles and what each may do. Pure, so the UI can hide what
 * the server already withholds; the server is what enforces it.
 */

/** admin: everything; operator: full detail in bound workspaces; viewer: health, topology and signals only. */
export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do beyond reading health, topology and golden signals of its workspaces. */
export interface Capabilities {
  /** Sees every workspace and every namespace, whatever the bindings say. */
  allWorkspaces: boolean;
  /** Reads Istio/Admiral config objects, their specs included. */
  configSpecs: boolean;
  /** Reads proxy (Envoy) details and xDS sync state. */
  proxies: boolean;
  /** Creates and revokes share links. */
  shareLinks: boolean;
  /** Changes settings. */
  settings: boolean;
}

const CAPABILITIES: Record<Role, Capabilities> = {
  admin: { allWorkspaces: true, configSpecs: true, proxies: true, shareLinks: true, settings: true },
  operator: { allWorkspaces: false, configSpecs: true, proxies: true, shareLinks: true, settings: false },
  viewer: { allWorkspaces: false, configSpecs: false, proxies: false, shareLinks: false, settings: false },
};

/** The capabilities of a role. */
export function capabilitiesOf(role: Role): Capabilities {
  return CAPABILITIES[role];
}

/** The stronger of two roles (a user bound twice gets the higher one per workspace). */
export function strongerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}
