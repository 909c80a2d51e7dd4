import { MAX_PATH_LENGTH } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { sanitizePath } from '../src/page_path';

describe('sanitizePath', () => {
  it.each([
    ['/', '/'],
    ['/app/orders/42', '/app/orders/42'],
    ['/a%20b', '/a%20b'],
    ['blank', '/blank'],
    ['', '/'],
  ])('turns %j into %j', (pathname, expected) => {
    expect(sanitizePath(pathname)).toBe(expected);
  });

  it('cuts long paths to the maximum length', () => {
    const path = sanitizePath('/' + 'x'.repeat(2 * MAX_PATH_LENGTH));
    expect(path).toHaveLength(MAX_PATH_LENGTH);
    expect(path.startsWith('/x')).toBe(true);
  });
});
