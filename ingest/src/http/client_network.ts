import { isIP } from 'node:net';

/**
 * Truncates a client address to its network, so that no full address is stored or
 * logged: IPv4 to the /24 (`203.0.113.0/24`), IPv6 to the /48. IPv4-mapped IPv6
 * addresses are treated as IPv4. Returns null for anything that is not an address.
 */
export function truncateClientAddress(address: string | undefined | null): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const candidate = mapped ? mapped[1]! : address;

  const version = isIP(candidate);
  if (version === 4) {
    const [a, b, c] = candidate.split('.');
    return `${a}.${b}.${c}.0/24`;
  }
  if (version === 6) {
    const groups = expandIpv6(candidate);
    return `${groups.slice(0, 3).join(':')}::/48`;
  }
  return null;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = address.includes('::') && tail !== '' ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups];
  return groups.map((group) => (group.replace(/^0+/, '') || '0').toLowerCase());
}

const NETWORK_PATTERN = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.0\/24|[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/48)$/i;

/**
 * Reduces a reported client address to the network stored in audit records: an address
 * is truncated as `truncateClientAddress` does, an already truncated /24 or /48 network
 * is kept, and anything else becomes null.
 */
export function normaliseClientNetwork(value: string | null): string | null {
  if (value === null) return null;
  if (NETWORK_PATTERN.test(value)) return value.toLowerCase();
  return truncateClientAddress(value);
}
