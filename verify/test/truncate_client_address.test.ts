import { describe, expect, it } from 'vitest';

import { truncateClientAddress } from '../src/truncate_client_address';

describe('truncateClientAddress', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::/48'],
    ['2001:0db8:0000:0000::1', '2001:db8:0::/48'],
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['999.1.1.1', null],
    ['not an address', null],
    ['', null],
    [null, null],
  ])('maps %s to %s', (input, expected) => {
    expect(truncateClientAddress(input)).toBe(expected);
  });
});
