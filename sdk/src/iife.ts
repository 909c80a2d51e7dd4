// Entry point of the script-tag build: configures itself from the tag's data-* attributes,
// starts recording and installs `window.telltale`.
import { DISABLED_API } from './disabled_api';
import { init } from './init';
import type { TelltaleApi } from './telltale_api';

declare global {
  interface Window {
    telltale?: TelltaleApi;
  }
}

function install(): void {
  // A page that includes the script twice keeps the first instance.
  if (window.telltale) return;

  // currentScript is null once the script has finished its first run; fall back to the first tag with data-site.
  const script = (document.currentScript ?? document.querySelector('script[data-site]')) as HTMLScriptElement | null;
  const data = script?.dataset ?? {};
  try {
    window.telltale = init({
      site: data.site ?? '',
      endpoint: data.endpoint || (script?.src ? new URL(script.src) : location).origin,
      intervalMs: data.interval ? Number(data.interval) : undefined,
    });
  } catch (error) {
    // Wrong attributes must not break the page. The logged message names the attribute to fix.
    console.error(error);
    window.telltale = DISABLED_API;
  }
}

install();
