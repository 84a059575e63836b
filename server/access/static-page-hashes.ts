import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CSP hashes of the inline scripts in pages Next prerendered at build time.
 * A nonce only reaches pages rendered per request; a prerendered page is
 * served as built, its inline scripts without a nonce, so the proxy allows
 * exactly those scripts by hash. The not-found and global-error pages are
 * always included since any path may render them.
 */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const SAFE_PATH = /^\/[a-z0-9/_-]*$/i;
const ALWAYS = ['_not-found', '_global-error'];

const KEY = Symbol.for('meshglass.static-page-hashes');
type Holder = { [KEY]?: Map<string, string[]> };

function hashesOfFile(name: string): string[] {
  const cache = ((globalThis as Holder)[KEY] ??= new Map());
  const hit = cache.get(name);
  if (hit) return hit;
  let out: string[] = [];
  try {
    const html = readFileSync(/* turbopackIgnore: true */ path.join(process.cwd(), '.next', 'server', 'app', `${name}.html`), 'utf8');
    out = [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  } catch {
    // not prerendered (dynamic page, or dev): the nonce covers it
  }
  cache.set(name, out);
  return out;
}

/** The script hashes a page path may need. */
export function staticPageScriptHashes(pathname: string): string[] {
  if (!SAFE_PATH.test(pathname) || pathname.includes('..') || pathname.length > 256) return ALWAYS.flatMap(hashesOfFile);
  const name = pathname === '/' ? 'index' : pathname.replace(/\/+$/, '').slice(1);
  return [...new Set([...hashesOfFile(name), ...ALWAYS.flatMap(hashesOfFile)])];
}
