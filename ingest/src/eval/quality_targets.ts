import type { EvaluationResult } from './evaluate_recordings';

/** Highest false-positive rate allowed for every human source. */
export const MAX_HUMAN_FALSE_POSITIVE_RATE = 0.01;

/** Lowest automation rate required per bot family; families not listed have no target. */
export const MIN_DETECTION_RATE: Readonly<Record<string, number>> = {
  circles_bot_pynput: 0.99,
  moderate_bot: 0.99,
  straight_line: 0.99,
  fixed_delay_typing: 0.99,
  circles_bot_naturalmousemotion: 0.95,
  circles_bot_gan: 0.95,
  advanced_bot: 0.95,
  bezier_fitts: 0.95,
  human_replay: 0.95,
};

/** A missed target: the row, the measured rate and the rate required. */
export interface MissedTarget {
  dataset: string;
  family: string;
  measured: number;
  required: number;
  /** `max` when the rate must stay at or under `required`, `min` when it must reach it. */
  bound: 'max' | 'min';
}

/** Returns the target of a row, or null when the row has none. */
export function targetOf(result: EvaluationResult): { required: number; bound: 'max' | 'min' } | null {
  if (result.label === 'human') return { required: MAX_HUMAN_FALSE_POSITIVE_RATE, bound: 'max' };
  const required = MIN_DETECTION_RATE[result.family];
  return required === undefined ? null : { required, bound: 'min' };
}

/**
 * Returns the rows that miss their target: a human source with a false-positive rate over
 * 1 %, or a listed bot family detected less often than its target. A family that is not
 * present in the data is not a miss.
 */
export function findMissedTargets(results: readonly EvaluationResult[]): MissedTarget[] {
  const missed: MissedTarget[] = [];
  for (const result of results) {
    const target = targetOf(result);
    if (target === null) continue;
    const measured = result.automationRate;
    const fails = target.bound === 'max' ? measured > target.required : measured < target.required;
    if (fails) missed.push({ dataset: result.dataset, family: result.family, measured, ...target });
  }
  return missed;
}
