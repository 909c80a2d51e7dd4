/** An address already truncated by this function (or by the ingest service). */
const NETWORK = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.0\/24|[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/48)$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/;

/**
 * Truncates a client address to its network so that no full address is reported: IPv4 to
 * the /24 (`203.0.113.0/24`), IPv6 to the /48. IPv4-mapped IPv6 addresses count as IPv4.
 * A network already truncated that way is returned as it is, and anything else gives null.
 * Uses no Node API, so it runs on edge runtimes too.
 */
export function truncateClientAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  if (NETWORK.test(address)) return address.toLowerCase();
  const unmapped = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

  const v4 = IPV4.exec(unmapped);
  if (v4) return v4.slice(1, 4).every((part) => Number(part) <= 255) ? `${v4[1]}.${v4[2]}.${v4[3]}.0/24` : null;

  if (!/^[0-9a-f:]+$/i.test(unmapped) || !unmapped.includes(':')) return null;
  const [head = '', tail] = unmapped.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...headGroups, ...Array<string>(Math.max(8 - headGroups.length - tailGroups.length, 0)).fill('0'), ...tailGroups];
  if (groups.length !== 8 || groups.some((group) => group.length === 0 || group.length > 4)) return null;
  return `${groups.slice(0, 3).map((group) => group.replace(/^0+(?=.)/, '').toLowerCase()).join(':')}::/48`;
}
