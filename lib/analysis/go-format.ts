/**
 * The part of Go's fmt that Istio's message templates use (%s, %v, %q, %d,
 * %%), so messages read exactly as istioctl prints them.
 */

/** A value a template argument may take. */
export type GoArg = string | number | boolean | readonly (string | number)[];

/** Go's %q of a string: double-quoted with escapes (JSON's escaping agrees for printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

function verb(v: string, arg: GoArg | undefined): string {
  if (arg === undefined) return `%!${v}(MISSING)`;
  if (Array.isArray(arg)) {
    const items = arg as readonly (string | number)[];
    return `[${items.map((a) => verb(v, a)).join(' ')}]`;
  }
  switch (v) {
    case 'q':
      return typeof arg === 'string' ? goQuote(arg) : String(arg);
    case 'd':
      return typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(string=${String(arg)})`;
    default:
      return String(arg);
  }
}

/** Renders a Go fmt template ('Referenced %s not found: %q') with arguments. */
export function renderGoFormat(template: string, args: readonly GoArg[]): string {
  let i = 0;
  return template.replace(/%([svqd%])/g, (_m, v: string) => (v === '%' ? '%' : verb(v, args[i++])));
}
