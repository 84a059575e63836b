/** Query parameters of a list endpoint; empty values are left out of the URL. */
export type Params = Record<string, string | number | undefined>;

/** `?a=1&b=x` from params, or '' when none is set. */
export function qs(p: Params): string {
  const s = new URLSearchParams(Object.entries(p).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();
  return s ? `?${s}` : '';
}

/** One path segment, encoded. */
export const seg = encodeURIComponent;
