/** The left navigation, in the order users scan it. */
export interface NavItem {
  href: string;
  label: string;
  /** One-key hint shown in the tooltip. */
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', description: 'The fleet at a glance: meshes, clusters, problems' },
  { href: '/clusters', label: 'Clusters', description: 'Control planes, trust roots, discovery, proxies' },
  { href: '/services', label: 'Services', description: 'Global services across clusters' },
  { href: '/topology', label: 'Topology', description: 'Traffic graph of the fleet' },
  { href: '/config', label: 'Config', description: 'Istio configuration across clusters' },
  { href: '/workspaces', label: 'Workspaces', description: 'Who sees which namespaces' },
];

/** Whether a nav item is the current section for a pathname. */
export function isActiveNav(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
