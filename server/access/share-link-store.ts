import 'server-only';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Refusal } from '../errors/refusal';
import type { AccessRecordStore } from '../history/access-records';
import type { Logger } from '../log/logger';

/** A share link as listed to admins and operators (never the token itself). */
export interface ShareLinkRecord {
  id: string;
  workspace: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/**
 * Where share links and their revocations are kept: the history's store
 * when the history is on (every replica on one server agrees), else this
 * process's memory and optionally a file. Writes and lists may wait on the
 * store; `isRevoked` never does, so opening a link costs no query.
 */
export interface ShareLinkRegistry {
  /** Records a new link; a store that cannot be reached refuses ('unavailable'), so no link exists that cannot be revoked. */
  record(rec: ShareLinkRecord): Promise<void>;
  /** The link while it has not expired. */
  get(id: string): Promise<ShareLinkRecord | undefined>;
  /** Unexpired links, newest first, optionally of some workspaces only. */
  list(workspaces?: ReadonlySet<string>): Promise<ShareLinkRecord[]>;
  /** Marks a link revoked (repeating is a no-op); undefined when no such link is known; 'unavailable' rather than a revocation on this replica only. */
  revoke(id: string, by: string): Promise<ShareLinkRecord | undefined>;
  /** Whether a link was revoked, from memory. */
  isRevoked(id: string): boolean;
  /** Resolves once the revocations are known; a Refusal ('unavailable') when they could not be read since start. */
  known(): Promise<void>;
}

interface FileState {
  links: Map<string, ShareLinkRecord>;
  file?: string;
}

const KEY = Symbol.for('meshglass.share-links');
const REGISTRY = Symbol.for('meshglass.share-link-registry');
type Holder = { [KEY]?: FileState; [REGISTRY]?: ShareLinkRegistry };

/**
 * Links created and revoked on this process, optionally mirrored to a file
 * so revocations survive a restart. With several replicas each keeps its
 * own memory: point them at one shared file, or turn the history on (its
 * store keeps the links for every replica), or revocations reach only the
 * replica that took them (docs/access.md).
 */
function fileState(file?: string): FileState {
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

function persist(s: FileState): void {
  if (!s.file) return;
  const now = Date.now();
  // Expired links need no revocation record any more.
  const keep = [...s.links.values()].filter((l) => Date.parse(l.expiresAt) > now);
  mkdirSync(path.dirname(s.file), { recursive: true });
  const tmp = `${s.file}.tmp`;
  writeFileSync(/* turbopackIgnore: true */ tmp, JSON.stringify({ links: keep }, null, 2), { mode: 0o600 });
  renameSync(tmp, /* turbopackIgnore: true */ s.file);
}

const unexpired = (l: ShareLinkRecord, now = Date.now()) => Date.parse(l.expiresAt) > now;

/** The memory (and file) registry. Its work is done before the promise is returned, so a caller that does not await sees it too. */
function fileRegistry(file?: string): ShareLinkRegistry {
  const s = fileState(file);
  return {
    record(rec) {
      s.links.set(rec.id, rec);
      persist(s);
      return Promise.resolve();
    },
    get: (id) => Promise.resolve([s.links.get(id)].find((l) => l !== undefined && unexpired(l))),
    list: (workspaces) =>
      Promise.resolve([...s.links.values()].filter((l) => unexpired(l) && (!workspaces || workspaces.has(l.workspace))).sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
    revoke(id) {
      const rec = s.links.get(id);
      if (rec) {
        rec.revokedAt ??= new Date().toISOString();
        persist(s);
      }
      return Promise.resolve(rec);
    },
    isRevoked: (id) => s.links.get(id)?.revokedAt !== undefined,
    known: () => Promise.resolve(),
  };
}

/** How the store-backed registry keeps its copy of the revocations. */
export interface StoreShareLinksOptions {
  /** How often the revocations are read again (default 5 s): the longest a revocation on another replica goes unseen while the store answers. */
  refreshMs?: number;
  /** How long a link opened before the first read waits for it (default 10 s). */
  knownWithinMs?: number;
  logger?: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
}

const unavailable = (what: string) => new Refusal('unavailable', 'share_links_unavailable', `${what}: the store that keeps share links cannot be reached; try again shortly`);

/**
 * Share links in the history's store. Revocations are also kept in memory:
 * written through on revoke, and read again every refreshMs, so a link
 * revoked on another replica is refused here within that time. While the
 * store cannot be read, links are checked against the last set read; a
 * revocation is refused rather than taken by this replica alone.
 */
export class StoreShareLinks implements ShareLinkRegistry {
  private revoked = new Set<string>();
  /** Ids revoked here, with when (performance.now()): kept across a refresh that may have started before their commit. */
  private readonly revokedHere = new Map<string, number>();
  private loaded = false;
  private attempted = false;
  private lastError?: string;
  private timer?: NodeJS.Timeout;
  private reading: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly firstAttempt: Promise<void>;
  private endFirstAttempt!: () => void;
  private readonly o: Required<Omit<StoreShareLinksOptions, 'logger'>> & Pick<StoreShareLinksOptions, 'logger'>;

  constructor(
    private readonly open: () => Promise<AccessRecordStore>,
    opts: StoreShareLinksOptions = {},
  ) {
    this.o = { refreshMs: 5_000, knownWithinMs: 10_000, now: () => new Date(), ...opts };
    this.firstAttempt = new Promise((resolve) => (this.endFirstAttempt = resolve));
    void this.refresh();
  }

  /** Reads the revocations now (the timer does it every refreshMs), after any read in flight; resolves either way. */
  refresh(): Promise<void> {
    // One read at a time: an older read finishing last would forget revocations a newer one kept.
    return (this.reading = this.reading.then(() => this.readOnce()));
  }

  private async readOnce(): Promise<void> {
    clearTimeout(this.timer);
    const started = performance.now();
    try {
      const ids = await (await this.open()).revokedIds(this.o.now());
      if (this.stopped) return;
      const next = new Set(ids);
      for (const [id, at] of this.revokedHere) {
        // Committed before this read began: the read has it.
        if (at < started) this.revokedHere.delete(id);
        else next.add(id);
      }
      this.revoked = next;
      if (this.lastError) this.o.logger?.info({ revoked: next.size }, 'share-link revocations readable again');
      this.loaded = true;
      this.lastError = undefined;
    } catch (err) {
      const first = this.lastError === undefined;
      this.lastError = (err as Error)?.message || String(err);
      if (first) this.o.logger?.warn({ err: this.lastError, known: this.loaded }, 'share-link revocations cannot be read; links are checked against the last set read');
    } finally {
      this.attempted = true;
      this.endFirstAttempt();
      if (!this.stopped) this.timer = setTimeout(() => void this.refresh(), this.o.refreshMs).unref();
    }
  }

  async known(): Promise<void> {
    if (this.loaded) return;
    if (!this.attempted) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.firstAttempt, new Promise<void>((r) => (timer = setTimeout(r, this.o.knownWithinMs)))]);
      clearTimeout(timer);
    }
    if (!this.loaded) throw unavailable('this share link cannot be checked yet');
  }

  isRevoked(id: string): boolean {
    return this.revoked.has(id);
  }

  async record(rec: ShareLinkRecord): Promise<void> {
    await this.using('the share link was not created', (s) => s.recordLink(rec));
  }

  get(id: string): Promise<ShareLinkRecord | undefined> {
    return this.using('share links cannot be read', (s) => s.getLink(id, this.o.now()));
  }

  list(workspaces?: ReadonlySet<string>): Promise<ShareLinkRecord[]> {
    return this.using('share links cannot be listed', (s) => s.listLinks(this.o.now(), workspaces && [...workspaces]));
  }

  async revoke(id: string, by: string): Promise<ShareLinkRecord | undefined> {
    const link = await this.using('the share link was not revoked', (s) => s.revokeLink(id, by, this.o.now()));
    if (link?.revokedAt) {
      this.revoked.add(id);
      this.revokedHere.set(id, performance.now());
    }
    return link;
  }

  /** Stops the refresh timer. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async using<T>(what: string, fn: (s: AccessRecordStore) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.open());
    } catch (err) {
      if (err instanceof Refusal && err.kind !== 'unavailable') throw err;
      // The caller hears that it failed; the reason (which names the database) goes to the log only.
      this.o.logger?.warn({ err: (err as Error)?.message ?? String(err) }, `share-link store: ${what}`);
      throw unavailable(what);
    }
  }
}

/** Makes `registry` the process's (the history is on); the returned function puts the memory/file registry back. */
export function installShareLinkRegistry(registry: ShareLinkRegistry): () => void {
  const holder = globalThis as Holder;
  holder[REGISTRY] = registry;
  return () => {
    if (holder[REGISTRY] === registry) delete holder[REGISTRY];
  };
}

/** The process's registry: the installed store-backed one, else memory mirrored to `file` (shareLinks.revocationsFile). */
export function shareLinkRegistry(file?: string): ShareLinkRegistry {
  return (globalThis as Holder)[REGISTRY] ?? fileRegistry(file);
}

/** Marks a link revoked; undefined when no such link is known. */
export function revokeLink(id: string, file?: string, by = 'unknown'): Promise<ShareLinkRecord | undefined> {
  return shareLinkRegistry(file).revoke(id, by);
}

/** Whether a link id was revoked (from memory; never waits). */
export function isRevoked(id: string, file?: string): boolean {
  return shareLinkRegistry(file).isRevoked(id);
}

/** Unexpired links, optionally only those of some workspaces. */
export function listLinks(file?: string, workspaces?: ReadonlySet<string>): Promise<ShareLinkRecord[]> {
  return shareLinkRegistry(file).list(workspaces);
}
