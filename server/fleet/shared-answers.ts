import 'server-only';
import { LRUCache } from 'lru-cache';
import type { FleetResponse } from '@/lib/api/envelope';
import type { FleetModel } from './model';

interface Entry {
  model: FleetModel;
  revision: number;
  /** What else the answer was made from (the telemetry answer a services page joined), by identity. */
  dep?: object;
  madeAt: number;
  status: number;
  json: string;
}

/**
 * Serialised answers of model reads shared between requests: the same key (route, parameters and the
 * caller's visibility), the same model at the same revision, and at most `ttlMs` old, since an answer's
 * cluster states carry data ages in seconds. At M under 100 requests/s, /api/v1/clusters worked out 50
 * cluster conditions twice and serialised 60 KB per request, which queued requests behind each other.
 */
export class SharedAnswers {
  // Validity is checked by hand (model, revision, dep, age by the caller's clock); lru-cache bounds the count.
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    private readonly ttlMs = 1_000,
    maxEntries = 256,
  ) {
    this.entries = new LRUCache<string, Entry>({ max: maxEntries });
  }

  /** Entries held (tests). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The answer for `key`: the shared one if still valid, else `make()`'s, serialised once. `make` returns
   * undefined for "no such object"; that is not shared. Status 503 while nothing is known, as fleetJson answers.
   * With `dep`, a held answer is valid only for that same object (it was made from it).
   */
  get(model: FleetModel, key: string, now: number, make: () => FleetResponse<unknown> | undefined, status: () => number, dep?: object): { status: number; json: string } | undefined {
    const held = this.entries.get(key);
    if (held && held.model === model && held.revision === model.revision && held.dep === dep && now - held.madeAt < this.ttlMs) return held;
    const revision = model.revision;
    const res = make();
    if (!res) return undefined;
    const entry: Entry = { model, revision, dep, madeAt: now, status: status(), json: JSON.stringify(res) };
    this.entries.set(key, entry);
    return entry;
  }
}
