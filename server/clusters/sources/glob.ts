import 'server-only';

/** Whether a name matches a glob with '*' (any run) and '?' (one character). */
export function globMatch(glob: string, name: string): boolean {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

/** Included by one of `include` and excluded by none of `exclude`. */
export function selected(name: string, include: string[], exclude: string[]): boolean {
  return include.some((g) => globMatch(g, name)) && !exclude.some((g) => globMatch(g, name));
}
