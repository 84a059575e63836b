/** The API routes as files, found at test time so a new route is in the matrix without anyone adding it. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

type Handler = (req: Request, route?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** One route file: its URL pattern, dynamic segment names and exported handlers. */
export interface RouteEntry {
  file: string;
  /** e.g. 'services/[namespace]/[name]' */
  pattern: string;
  segments: string[];
  load(): Promise<Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>>;
}

/** Every app/api/v1/** /route.ts under `root`. */
export function apiRoutes(root: string): RouteEntry[] {
  const base = path.join(root, 'app/api/v1');
  const out: RouteEntry[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'route.ts') {
        const pattern = path.relative(base, dir).split(path.sep).join('/');
        out.push({ file: p, pattern, segments: [...pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] ?? ''), load: () => import(/* @vite-ignore */ p) });
      }
    }
  };
  walk(base);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The URL path of a pattern with its parameters filled in. */
export function fillPath(pattern: string, params: Record<string, string>): string {
  return `/api/v1/${pattern.replace(/\[([^\]]+)\]/g, (_m, k: string) => encodeURIComponent(params[k] ?? ''))}`;
}
