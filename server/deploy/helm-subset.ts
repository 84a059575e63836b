/**
 * Renders the Meshglass chart's templates in tests, without the helm binary
 * (none installs here, and no npm package implements Helm's functions). It
 * knows exactly the subset the chart uses and refuses anything else, so a
 * template that grows past it fails loudly rather than rendering wrong:
 * `{{ .Values.a.b }}`, `.Release.*`, `.Chart.*`, `| default X`, `| quote`,
 * `{{ toYaml X | nindent N }}`, `{{ if X }}` / `{{ else }}` / `{{ end }}`,
 * comments, and the `{{-` / `-}}` whitespace trims.
 */
import { stringify } from 'yaml';

export interface RenderContext {
  Values: Record<string, unknown>;
  Release: { Name: string; Namespace: string; Service: string };
  Chart: Record<string, unknown>;
}

type Token = { kind: 'text'; text: string } | { kind: 'action'; body: string };

function tokenize(template: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g)) {
    let text = template.slice(at, m.index);
    if (m[1] === '-') text = text.replace(/\s+$/, '');
    out.push({ kind: 'text', text });
    out.push({ kind: 'action', body: m[2]! });
    at = m.index! + m[0].length;
    if (m[3] === '-') {
      const rest = template.slice(at);
      at += rest.length - rest.replace(/^\s+/, '').length;
    }
  }
  out.push({ kind: 'text', text: template.slice(at) });
  return out;
}

function lookup(ctx: RenderContext, path: string): unknown {
  if (!/^\.(Values|Release|Chart)(\.[A-Za-z_][\w]*)*$/.test(path)) throw new Error(`helm subset: unsupported value "${path}"`);
  return path.slice(1).split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), ctx);
}

// Go templates' truth: false, 0, nil, empty string, empty map or list are false.
const truthy = (v: unknown): boolean => !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));

function evaluate(ctx: RenderContext, expr: string): string {
  const toYaml = /^toYaml\s+(\S+)\s*\|\s*nindent\s+(\d+)$/.exec(expr);
  if (toYaml) {
    const pad = ' '.repeat(Number(toYaml[2]));
    const text = stringify(lookup(ctx, toYaml[1]!)).replace(/\n$/, '');
    return `\n${text.split('\n').map((l) => pad + l).join('\n')}`;
  }
  const [head, ...pipes] = expr.split('|').map((s) => s.trim());
  let value = lookup(ctx, head!);
  for (const p of pipes) {
    const dflt = /^default\s+(\S+)$/.exec(p);
    if (dflt) value = truthy(value) ? value : lookup(ctx, dflt[1]!);
    else if (p === 'quote') value = JSON.stringify(String(value ?? ''));
    else throw new Error(`helm subset: unsupported function "${p}"`);
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Renders one template file with the given values (Helm's subset above). */
export function renderTemplate(template: string, ctx: RenderContext): string {
  const stack: Array<{ on: boolean; parentOn: boolean; seenElse: boolean }> = [];
  const on = () => stack.every((f) => f.on);
  let out = '';
  for (const t of tokenize(template)) {
    if (t.kind === 'text') {
      if (on()) out += t.text;
      continue;
    }
    const body = t.body;
    if (body.startsWith('/*')) continue;
    const cond = /^if\s+(\S+)$/.exec(body);
    if (cond) {
      const parentOn = on();
      stack.push({ on: truthy(lookup(ctx, cond[1]!)), parentOn, seenElse: false });
    } else if (body === 'else') {
      const f = stack.at(-1);
      if (!f || f.seenElse) throw new Error('helm subset: else without if');
      f.on = !f.on;
      f.seenElse = true;
    } else if (body === 'end') {
      if (!stack.pop()) throw new Error('helm subset: end without if');
    } else if (on()) out += evaluate(ctx, body);
  }
  if (stack.length) throw new Error('helm subset: if without end');
  return out;
}
