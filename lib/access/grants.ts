import { capabilitiesOf, type Capabilities, type Role } from './roles';
import { anySelectorMatches, type Selector } from './selector';

/** One workspace the caller is bound to, with the role they hold in it. */
export interface Grant {
  workspace: string;
  role: Role;
  selectors: readonly Selector[];
}

/** A capability that gates detail beyond health and topology. */
export type DetailCapability = keyof Pick<Capabilities, 'configSpecs' | 'proxies' | 'shareLinks'>;

/** Whether any grant covers `namespace` in `cluster` (undefined namespace: the cluster itself). */
export function grantsAllow(grants: readonly Grant[], cluster: string, namespace?: string): boolean {
  return grants.some((g) => anySelectorMatches(g.selectors, cluster, namespace));
}

/** The grants whose role carries `cap`: a viewer's workspaces drop out of a config or proxy answer. */
export function grantsWith(grants: readonly Grant[], cap: DetailCapability): Grant[] {
  return grants.filter((g) => capabilitiesOf(g.role)[cap]);
}
