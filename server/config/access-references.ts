import type { z } from 'zod';
import type { BindingConfig, WorkspaceConfig } from './access-schema';

// No 'server-only': part of the config schema, which the CLI reads too.

interface AccessSections {
  auth: { mode: string; anonymous: { workspaces: string[] } };
  workspaces: WorkspaceConfig[];
  bindings: BindingConfig[];
}

/** Cross-field checks: unique workspace names, and every workspace a binding names exists. */
export function checkAccessReferences(cfg: AccessSections, ctx: z.RefinementCtx): void {
  const names = new Set<string>();
  cfg.workspaces.forEach((w, i) => {
    if (names.has(w.name)) ctx.addIssue({ code: 'custom', path: ['workspaces', i, 'name'], message: `workspace "${w.name}" is defined twice` });
    names.add(w.name);
  });
  const known = (n: string) => n === '*' || names.has(n);
  cfg.bindings.forEach((b, i) => {
    b.workspaces.forEach((n, j) => {
      if (!known(n)) ctx.addIssue({ code: 'custom', path: ['bindings', i, 'workspaces', j], message: `no workspace named "${n}"` });
    });
  });
  cfg.auth.anonymous.workspaces.forEach((n, j) => {
    if (!known(n)) ctx.addIssue({ code: 'custom', path: ['auth', 'anonymous', 'workspaces', j], message: `no workspace named "${n}"` });
  });
}
