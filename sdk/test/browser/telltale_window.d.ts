// `window.telltale` as the script-tag build installs it, for page.evaluate callbacks in the tests.
import type { TelltaleApi } from '../../src/telltale_api';

declare global {
  interface Window {
    telltale?: TelltaleApi;
  }
}
