import 'server-only';

const DURATION = /^(\d{1,6})(ms|s|m|h|d)$/;
const SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** A validated range window such as '10s' or '5m'; anything else throws with the value named. */
export function promWindow(value: string): string {
  const m = DURATION.exec(value);
  if (!m) throw new Error(`invalid time window ${JSON.stringify(value)}: expected a number and one of ms, s, m, h, d (e.g. "5m")`);
  const seconds = Number(m[1]) * (SECONDS[m[2] ?? 's'] ?? 1);
  if (seconds < 1 || seconds > 7 * 86400) throw new Error(`time window ${value} is outside 1s..7d`);
  return value;
}
