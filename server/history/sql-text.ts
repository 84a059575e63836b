import 'server-only';

// NUL and unpaired surrogates: PostgreSQL refuses both in text and in jsonb, and one such value would fail a whole batch.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` as PostgreSQL can store it: NUL dropped, unpaired surrogates as U+FFFD. */
export function storableText(s: string): string {
  return s.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\ufffd'));
}

/** `v` as JSON text PostgreSQL's jsonb accepts, every key and string made storable. */
export function storableJson(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) => {
    if (typeof value === 'string') return storableText(value);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const clean: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(value)) clean[storableText(k)] = x;
      return clean;
    }
    return value;
  }) ?? 'null';
}
