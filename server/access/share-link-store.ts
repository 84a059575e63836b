import 'server-only';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A share link as listed to admins and operators (never the token itself). */
export interface ShareLinkRecord {
  id: string;
  workspace: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

interface StoreState {
  links: Map<string, ShareLinkRecord>;
  file?: string;
}

const KEY = Symbol.for('meshglass.share-links');
type Holder = { [KEY]?: StoreState };

/**
 * Links created and revoked on this process, optionally mirrored to a file
 * so revocations survive a restart. With several replicas each keeps its
 * own memory: point them at one shared file or revocations reach only the
 * replica that took them (docs/access.md).
 */
function state(file?: string): StoreState {
  const holder = globalThis as Holder;
  if (holder[KEY] && holder[KEY].file === file) return holder[KEY];
  const links = new Map<string, ShareLinkRecord>();
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(/* turbopackIgnore: true */ file, 'utf8')) as { links?: ShareLinkRecord[] };
      for (const l of saved.links ?? []) if (typeof l.id === 'string') links.set(l.id, l);
    } catch {
      // no file yet, or unreadable: start empty rather than refuse to serve
    }
  }
  return (holder[KEY] = { links, file });
}

function persist(s: StoreState): void {
  if (!s.file) return;
  const now = Date.now();
  // Expired links need no revocation record any more.
  const keep = [...s.links.values()].filter((l) => Date.parse(l.expiresAt) > now);
  mkdirSync(path.dirname(s.file), { recursive: true });
  const tmp = `${s.file}.tmp`;
  writeFileSync(/* turbopackIgnore: true */ tmp, JSON.stringify({ links: keep }, null, 2), { mode: 0o600 });
  renameSync(tmp, /* turbopackIgnore: true */ s.file);
}

/** Records a new link. */
export function recordLink(rec: ShareLinkRecord, file?: string): void {
  const s = state(file);
  s.links.set(rec.id, rec);
  persist(s);
}

/** Marks a link revoked; false when no such link is known. */
export function revokeLink(id: string, file?: string): ShareLinkRecord | undefined {
  const s = state(file);
  const rec = s.links.get(id);
  if (!rec) return undefined;
  rec.revokedAt ??= new Date().toISOString();
  persist(s);
  return rec;
}

/** Whether a link id was revoked. */
export function isRevoked(id: string, file?: string): boolean {
  return state(file).links.get(id)?.revokedAt !== undefined;
}

/** Unexpired links, optionally only those of some workspaces. */
export function listLinks(file?: string, workspaces?: ReadonlySet<string>): ShareLinkRecord[] {
  const now = Date.now();
  return [...state(file).links.values()]
    .filter((l) => Date.parse(l.expiresAt) > now && (!workspaces || workspaces.has(l.workspace)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
