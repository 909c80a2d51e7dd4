import type { Evidence } from '@telltale/shared';

/**
 * Side of the threshold on which people fall, per feature, as the classifier compares
 * them in `classify/score_behaviour.ts` and `classify/evaluate_beacon.ts`.
 */
const HUMAN_SIDE: Record<string, 'below' | 'above' | 'at_most'> = {
  untrustedEventCount: 'at_most',
  centreClickCount: 'at_most',
  clickWithoutApproachCount: 'at_most',
  inputWithoutKeysChars: 'below',
  keyIntervalMsSpread: 'above',
  keyHoldMsMedian: 'above',
  keyHoldMsSpread: 'above',
  keyIntervalCv: 'above',
  zeroMoveShare: 'below',
  straightnessMedian: 'below',
  evenStepShare: 'below',
  stepLengthCv: 'above',
  stepLengthRobustCv: 'above',
  shiftFeatureCount: 'below',
  interactionCount: 'above',
};

/** Returns the human range an evidence value was compared with, as text such as `> 6` or `false`. */
export function describeHumanRange(evidence: Evidence): string {
  const { threshold } = evidence;
  if (threshold === undefined) return 'no threshold: a match on a known list';
  // String thresholds name the expected human value, except `true`, which names the automation value of a flag.
  if (typeof threshold === 'string') return threshold === 'true' ? 'false' : threshold;
  const side = HUMAN_SIDE[evidence.feature];
  if (side === 'below') return `< ${threshold}`;
  if (side === 'above') return `> ${threshold}`;
  if (side === 'at_most') return `≤ ${threshold}`;
  return `compared with ${threshold}`;
}
