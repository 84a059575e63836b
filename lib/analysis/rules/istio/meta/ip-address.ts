/** IP address syntax as Go's net.ParseIP and netip.ParseAddr read it (dotted IPv4 without leading zeros, IPv6 with an optional trailing IPv4). */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIPv6(addr: string): boolean {
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s ? s.split(':') : []);
  const parts = [...groups(halves[0]!), ...groups(halves[1] ?? '')];
  let count = 0;
  for (const [i, p] of parts.entries()) {
    // An embedded IPv4 address may end it, worth two groups.
    if (i === parts.length - 1 && IPV4.test(p)) count += 2;
    else if (/^[0-9a-fA-F]{1,4}$/.test(p)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Whether Go's net.ParseIP / netip.ParseAddr would read it as an address (no zones). */
export function isIPAddress(addr: string): boolean {
  return IPV4.test(addr) || (addr.includes(':') && isIPv6(addr));
}
