import 'server-only';
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
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 1_000,
    private readonly maxEntries = 256,
  ) {}

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
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}
