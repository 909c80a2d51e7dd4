import type { BeaconEvent } from '@telltale/shared';

/** Dwell features of one window. */
export interface DwellFeatures {
  /** Events that a person or program produces on purpose (keys, pointer, clicks, wheel, touch, input). */
  interactionCount: number;
  /** Time from the page's time origin to its first interaction, when that falls into this window. */
  firstInteractionMs: number | null;
  /** Maximum gap between consecutive interactions in this window, in ms. */
  idleGapMsMax: number | null;
  /** Time the page was visible and hidden during this window, from visibility events, in ms. */
  visibleMs: number;
  hiddenMs: number;
  /** Span from the first to the last event of the window, in ms. */
  windowSpanMs: number | null;
}

/** Dwell state carried from earlier windows of the same page. */
export interface DwellCarry {
  /** Whether an interaction was already seen on this page. */
  interacted: boolean;
  /** Visibility at the end of the previous window, and since when (page clock, ms). */
  visible: boolean;
  since: number | null;
}

export interface DwellExtraction {
  features: DwellFeatures;
  carry: DwellCarry;
}

const INTERACTION_TYPES = new Set(['key', 'pointer', 'click', 'wheel', 'touch', 'input', 'paste']);

/**
 * Extracts dwell features: time to first interaction, visible and hidden time, idle gaps.
 * Visibility time is counted from the previous visibility change (carried across windows)
 * to the next one or to the window's last event.
 *
 * Known blind spots: a page hidden before its first beacon and never shown again reports
 * no hidden time until it sends a visibility event.
 */
export function extractDwellFeatures(events: readonly BeaconEvent[], carry: DwellCarry | null): DwellExtraction {
  const next: DwellCarry = carry ? { ...carry } : { interacted: false, visible: true, since: null };
  if (next.since === null && events[0] !== undefined) next.since = events[0].t;
  let interactionCount = 0;
  let firstInteractionMs: number | null = null;
  let previousInteraction: number | null = null;
  let idleGapMsMax: number | null = null;
  let visibleMs = 0;
  let hiddenMs = 0;

  for (const event of events) {
    if (INTERACTION_TYPES.has(event.type)) {
      interactionCount += 1;
      if (!next.interacted) {
        next.interacted = true;
        firstInteractionMs = event.t;
      }
      if (previousInteraction !== null) idleGapMsMax = Math.max(idleGapMsMax ?? 0, event.t - previousInteraction);
      previousInteraction = event.t;
    } else if (event.type === 'visibility') {
      const from = next.since ?? event.t;
      if (next.visible) visibleMs += Math.max(0, event.t - from);
      else hiddenMs += Math.max(0, event.t - from);
      next.visible = event.state === 'visible';
      next.since = event.t;
    }
  }

  const first = events[0];
  const last = events[events.length - 1];
  if (last !== undefined) {
    const from = next.since ?? last.t;
    if (next.visible) visibleMs += Math.max(0, last.t - from);
    else hiddenMs += Math.max(0, last.t - from);
    next.since = last.t;
  }

  return {
    features: {
      interactionCount,
      firstInteractionMs,
      idleGapMsMax,
      visibleMs,
      hiddenMs,
      windowSpanMs: first !== undefined && last !== undefined ? last.t - first.t : null,
    },
    carry: next,
  };
}
