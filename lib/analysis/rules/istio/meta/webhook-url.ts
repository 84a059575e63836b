/**
 * What Go's url.Parse and URL.Hostname make of a webhook URL, for the checks
 * that need it: whether it parses at all, and the host without port.
 */

const CONTROL = /[\u0000-\u001f\u007f]/;
const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})/;

/** The host url.Parse would find (brackets kept), or an error when it rejects the URL. */
function authorityHost(url: string): { host: string } | { error: true } {
  if (CONTROL.test(url)) return { error: true };
  const hash = url.indexOf('#');
  const beforeFragment = hash < 0 ? url : url.slice(0, hash);
  if (hash >= 0 && BAD_ESCAPE.test(url.slice(hash + 1))) return { error: true };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(beforeFragment);
  if (!scheme && beforeFragment.startsWith(':')) return { error: true };
  let rest = scheme ? beforeFragment.slice(scheme[0].length) : beforeFragment;
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (!scheme) {
    const firstSegment = rest.split('/')[0]!;
    if (!rest.startsWith('/') && firstSegment.includes(':')) return { error: true };
  }
  // No authority: a path (or an opaque part after the scheme), without a host.
  if (!rest.startsWith('//') || (!scheme && rest.startsWith('///'))) return BAD_ESCAPE.test(rest) ? { error: true } : { host: '' };
  const afterSlashes = rest.slice(2);
  const end = afterSlashes.indexOf('/');
  const authority = end < 0 ? afterSlashes : afterSlashes.slice(0, end);
  const path = end < 0 ? '' : afterSlashes.slice(end);
  if (BAD_ESCAPE.test(path)) return { error: true };
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return { error: true };
    const port = host.slice(close + 1);
    if (port && !/^:\d*$/.test(port)) return { error: true };
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !/^\d*$/.test(host.slice(colon + 1))) return { error: true };
  }
  if (BAD_ESCAPE.test(host)) return { error: true };
  return { host };
}

/** The URL's hostname (no port, no brackets), or undefined when Go's url.Parse rejects the URL. */
export function webhookHostname(url: string): string | undefined {
  const parsed = authorityHost(url);
  if ('error' in parsed) return undefined;
  const { host } = parsed;
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}
