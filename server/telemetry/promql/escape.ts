import 'server-only';

const REGEX_META = /[\\.+*?()|[\]{}^$]/g;

/**
 * Quotes a label value as a PromQL string literal. PromQL strings follow Go's
 * escaping, so backslashes, quotes and control characters must be escaped or a
 * hostile value could close the string and inject matchers.
 */
export function promString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Escapes RE2 metacharacters so a value matches only itself inside a =~ matcher. */
export function regexLiteral(value: string): string {
  return value.replace(REGEX_META, '\\$&');
}

/** A label name must be a valid identifier; anything else is a programming error, not user input to escape. */
export function labelName(name: string): string {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) throw new Error(`invalid Prometheus label name: ${JSON.stringify(name)}`);
  return name;
}

export type Matcher =
  | { label: string; op: '=' | '!='; value: string }
  | { label: string; op: '=~' | '!~'; values: string[] }
  | { label: string; op: '=~' | '!~'; pattern: string };

/** Renders one matcher; `values` become an exact alternation, `pattern` is a trusted regex built by this module. */
export function renderMatcher(m: Matcher): string {
  const name = labelName(m.label);
  if ('value' in m) return `${name}${m.op}${promString(m.value)}`;
  if ('values' in m) return `${name}${m.op}${promString(m.values.map(regexLiteral).join('|'))}`;
  return `${name}${m.op}${promString(m.pattern)}`;
}

/** `{a="b",c=~"d|e"}` from matchers; an empty list renders as `{}`. */
export function renderSelector(matchers: Matcher[]): string {
  return `{${matchers.map(renderMatcher).join(',')}}`;
}
