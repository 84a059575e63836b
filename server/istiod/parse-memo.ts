import 'server-only';
import { createHash } from 'node:crypto';

/**
 * Remembers what each answer parsed to, keyed by where it came from, so an
 * answer whose bytes did not change is not parsed again (istiod's syncz of
 * ~1,000 proxies, polled every 10 s, rarely changes between polls). Only a
 * digest of the last answer is kept, not its text.
 */
export class ParseMemo {
  private readonly held = new Map<string, { digest: string; value: unknown; used: boolean }>();
  /** Answers parsed and answers reused since the memo was made. */
  parsed = 0;
  reused = 0;

  /**
   * `parse(body)`, or the value it gave for the same key and the same bytes last time (the same object).
   * `digest`: the body's SHA-1 in base64 when the transport already has it (see `digestOf`); the body is then read only when it changed.
   */
  parse<T>(key: string, body: string | (() => string), parse: (body: string) => T, digest?: string): T {
    const text = typeof body === 'string' ? () => body : body;
    digest ??= digestOf(text());
    const prev = this.held.get(key);
    if (prev && prev.digest === digest) {
      prev.used = true;
      this.reused++;
      return prev.value as T;
    }
    // Parse before remembering: a body that does not parse is not remembered.
    const value = parse(text());
    this.held.set(key, { digest, value, used: true });
    this.parsed++;
    return value;
  }

  /** Forgets keys not asked for since the last sweep (an istiod pod that went away). */
  sweep(): void {
    for (const [k, v] of this.held) {
      if (!v.used) this.held.delete(k);
      else v.used = false;
    }
  }

  get size(): number {
    return this.held.size;
  }
}

/** SHA-1 of a text's UTF-8 bytes, base64: the digest `ParseMemo.parse` compares. */
export function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
