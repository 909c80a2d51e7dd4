import type { RowBeacon } from '@telltale/shared';
import { BEACON_VERSION, MAX_IDENTITY_LENGTH } from '@telltale/shared';

import { collectEnvironment } from './collectors/environment';
import { collectFields } from './collectors/fields';
import { collectKeys } from './collectors/keys';
import { listen } from './collectors/listen';
import { collectNavigation } from './collectors/navigation';
import { collectPointer } from './collectors/pointer';
import { collectScroll } from './collectors/scroll';
import { collectTouch } from './collectors/touch';
import { collectVitals } from './collectors/vitals';
import { createEventBuffer } from './event_buffer';
import type { ResolvedOptions } from './options';
import { sanitizePath } from './page_path';
import { openSession, saveSession } from './session';
import { createTagState } from './tag_state';
import type { TelltaleApi } from './telltale_api';
import { createBeaconQueue, sendOnExit } from './transport/beacon_queue';

/** Delay of the first beacon of a page load, which carries the environment and brings a tag early. */
const FIRST_BEACON_DELAY_MS = 500;
/** Beacons encoded per send at most; further events wait for the next send. */
const MAX_BEACONS_PER_SEND = 10;

/** Starts the collectors and the beacon schedule, and returns the page's API object. */
export function createTelltale(options: ResolvedOptions): TelltaleApi {
  const storageKey = 'telltale:' + options.site;
  const session = openSession(storageKey);
  const save = () => saveSession(storageKey, session);
  const tags = createTagState(session, save);
  const url = options.endpoint + '/v1/collect';
  let disabled = false;
  let environmentSent = false;
  /** Beacons and buffered batches dropped since the last beacon, reported in the next one. */
  let dropped = 0;
  /** Identity named by the page and not yet sent. */
  let identity: string | undefined;

  // When a full batch schedules a send right after another send, the later one finds no events and sends nothing.
  const buffer = createEventBuffer(
    () => setTimeout(send),
    () => dropped++,
  );

  const enqueue = createBeaconQueue(url, tags._apply, (disable) => {
    dropped++;
    if (disable) {
      disabled = true;
      tags._disable();
    }
  });

  /** Encodes pending events into beacon bodies; with `sendEmpty`, one body even without events. */
  function encodePending(sendEmpty?: boolean): string[] {
    const bodies: string[] = [];
    for (let index = 0; index < MAX_BEACONS_PER_SEND && !disabled; index++) {
      const [rows, strings] = buffer._take();
      if (!rows.length && environmentSent && !(sendEmpty && !index)) break;

      const beacon: RowBeacon = {
        v: BEACON_VERSION,
        site: options.site,
        sid: session.sid,
        seq: session.seq++,
        page: session.page,
        path: sanitizePath(location.pathname),
        // 0.1 ms steps, like event times.
        sentAt: Math.round(performance.now() * 10) / 10,
        // JSON.stringify leaves out undefined, so a zero count is not sent.
        dropped: dropped || undefined,
        identity,
        rows,
        strings,
      };
      dropped = 0;
      identity = undefined;
      if (!environmentSent) {
        environmentSent = true;
        try {
          beacon.env = collectEnvironment();
        } catch {
          // Without the environment the beacon still carries the events.
        }
      }
      bodies.push(JSON.stringify(beacon));
    }
    save();
    return bodies;
  }

  function send(sendEmpty?: boolean): Promise<void> {
    return enqueue(() => encodePending(sendEmpty));
  }

  // Collectors only add listeners and wrap History methods, so none of them throws in a browser;
  // init() turns an exception here into a disabled SDK.
  const focused = { _index: NaN };
  collectVitals(buffer);
  collectNavigation(buffer);
  collectFields(buffer, focused);
  collectKeys(buffer, focused);
  collectPointer(buffer);
  collectScroll(buffer);
  collectTouch(buffer);

  // Added after the collectors' listeners on the same targets, so the beacon sent at hide
  // includes the visibility event and the vitals that web-vitals reports on hide.
  const sendPendingOnExit = () => !disabled && sendOnExit(url, encodePending());
  listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && sendPendingOnExit());
  listen(window, 'pagehide', sendPendingOnExit);

  setTimeout(send, FIRST_BEACON_DELAY_MS, true);
  // encodePending() returns no body while no events are pending. NOTE: so an idle page sends
  // nothing, and its tag expires 15 minutes after the last beacon. The next event renews it.
  setInterval(send, options.intervalMs);

  return {
    sessionId: session.sid,
    getTag: tags.getTag,
    onTag: tags.onTag,
    headers: tags.headers,
    flush: () => send(!tags._current()),
    identify: (id) => {
      identity = String(id).slice(0, MAX_IDENTITY_LENGTH) || identity;
    },
  };
}
