import 'server-only';
import { Refusal } from '@/server/errors/refusal';

/** `text` as a canonical ISO time (UTC, milliseconds), or a bad-input refusal naming `what`. */
export function isoTime(text: string, what: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Refusal('bad_input', 'bad_time', `${what} "${text.slice(0, 40)}" is not an ISO 8601 time`);
  return new Date(ms).toISOString();
}

/** A SELECT expression giving a timestamptz column as that same ISO text, so both drivers return one string. */
export function isoColumn(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
