import { MAX_PATH_LENGTH } from '@telltale/shared';

/**
 * Returns a page path fit for the wire: it starts with `/` and is at most MAX_PATH_LENGTH
 * characters. `location.pathname` never has a query string or fragment, but schemes such as
 * `about:blank` give paths without a leading slash.
 */
export function sanitizePath(pathname: string): string {
  return (pathname[0] === '/' ? pathname : '/' + pathname).slice(0, MAX_PATH_LENGTH);
}
