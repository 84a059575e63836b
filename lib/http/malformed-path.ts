/**
 * The first path segment that is not valid percent-encoding (`%zz`, a
 * truncated UTF-8 sequence), as sent; undefined when every segment decodes.
 * Next's router throws on such paths and answers a bare 500, so the proxy
 * and apiRoute refuse them first.
 */
export function malformedPathSegment(pathname: string): string | undefined {
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return undefined;
}

/** What a refusal of a malformed path says (the segment cut short: it is the caller's input). */
export const badPathMessage = (segment: string): string => `the path segment "${segment.slice(0, 64)}" is not valid percent-encoding`;
