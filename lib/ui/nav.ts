import type { Capabilities } from '@/lib/access/roles';

/** The left navigation, in the order users scan it. */
export interface NavItem {
  href: string;
  label: string;
  /** One-key hint shown in the tooltip. */
  description: string;
  /** The capability the section's API route requires (server/access/route-policy.ts); the server enforces it. */
  requires?: keyof Capabilities;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', description: 'The fleet at a glance: meshes, clusters, problems' },
  { href: '/clusters', label: 'Clusters', description: 'Control planes, trust roots, discovery, proxies' },
  { href: '/services', label: 'Services', description: 'Global services across clusters' },
  { href: '/topology', label: 'Topology', description: 'Traffic graph of the fleet' },
  { href: '/changes', label: 'Changes', description: 'What changed across the fleet, and when' },
  { href: '/findings', label: 'Findings', description: "Istio's analyzers and Meshglass's rules over every cluster's configuration" },
  { href: '/config', label: 'Config', description: 'Istio configuration across clusters', requires: 'configSpecs' },
  { href: '/workspaces', label: 'Workspaces', description: 'Who sees which namespaces' },
];

/** Whether a nav item is the current section for a pathname. */
export function isActiveNav(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The items a caller may use: a section whose route the server would refuse
 * is not offered. Until the capabilities are known (undefined), gated
 * sections stay hidden rather than flash up for a viewer.
 */
export function visibleNavItems(items: readonly NavItem[], capabilities: Capabilities | undefined): NavItem[] {
  return items.filter((item) => !item.requires || capabilities?.[item.requires] === true);
}
