import type { TelltaleApi } from './telltale_api';

/** API object that records nothing: no tag, empty headers, flush resolves at once. */
export const DISABLED_API: TelltaleApi = {
  sessionId: '',
  getTag: async () => null,
  onTag: () => () => undefined,
  headers: () => ({}),
  flush: async () => undefined,
  identify: () => undefined,
};
