import type { Evidence, SessionClass } from '@telltale/shared';

import type { DwellCarry } from '../features/dwell';
import type { NavigationCarry } from '../features/navigation';
import type { PointerCarry } from '../features/pointer';
import type { SessionBaseline } from './baseline';

/**
 * Classifier state of one session, kept between beacons. It is plain JSON, and its size is
 * bounded whatever the session's length because it contains only running scores and
 * statistics, at most one evidence entry per reason code, and at most 32 field indexes.
 */
export interface SessionState {
  version: 1;
  /** Beacons evaluated. */
  windows: number;
  /** Beacons with enough pointer or key activity to judge behaviour. */
  activeWindows: number;
  /** Page-load counter of the latest beacon. */
  page: number | null;
  /** Whether any interaction (key, pointer, click, wheel, touch, input) was seen. */
  interacted: boolean;
  /** Whether the browser or client declared automation on any page. */
  declared: boolean;
  framework: string | null;
  /** Environment evidence over all pages, one entry per reason code (the heaviest). */
  environmentEvidence: Evidence[];
  /** Latest behaviour evidence per reason code. */
  behaviourEvidence: Evidence[];
  /** Running behaviour log-odds (positive: automation). */
  behaviourScore: number;
  /** Whether any window carried evidence for a person. */
  humanEvidenceSeen: boolean;
  cls: SessionClass;
  /**
   * Class supported by the strongest Web Bot Auth outcome seen in the session, and its evidence.
   * Absent in states stored before signatures were checked.
   */
  identityClass?: 'authorized_agent' | 'unverified_agent' | 'rogue_bot' | null;
  identityEvidence?: Evidence[];
  /** The session's own behaviour over its first active windows; null until the first one. */
  baseline: SessionBaseline | null;
  /** Per-page values the feature extractors need from the previous window of the same page. */
  carry: {
    keyedFields: number[];
    pointer: PointerCarry | null;
    dwell: DwellCarry | null;
    navigation: NavigationCarry | null;
  };
}

/** Returns the state of a session before its first beacon. */
export function createSessionState(): SessionState {
  return {
    version: 1,
    windows: 0,
    activeWindows: 0,
    page: null,
    interacted: false,
    declared: false,
    framework: null,
    environmentEvidence: [],
    behaviourEvidence: [],
    behaviourScore: 0,
    humanEvidenceSeen: false,
    cls: 'unknown',
    identityClass: null,
    identityEvidence: [],
    baseline: null,
    carry: { keyedFields: [], pointer: null, dwell: null, navigation: null },
  };
}

/** Returns `current` with each entry of `added` replacing the entry of the same code (the heavier one when `keepHeavier`). */
export function mergeEvidence(current: readonly Evidence[], added: readonly Evidence[], keepHeavier: boolean): Evidence[] {
  const byCode = new Map(current.map((item) => [item.code, item]));
  for (const item of added) {
    const existing = byCode.get(item.code);
    if (keepHeavier && existing !== undefined && existing.weight >= item.weight) continue;
    byCode.set(item.code, item);
  }
  return [...byCode.values()];
}
