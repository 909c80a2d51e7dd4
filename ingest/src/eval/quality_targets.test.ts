import { describe, expect, it } from 'vitest';

import type { EvaluationResult } from './evaluate_recordings';
import { findMissedTargets } from './quality_targets';

function row(family: string, label: 'human' | 'bot', automationRate: number): EvaluationResult {
  return { dataset: 'test', family, label, sessions: 100, automationRate, auc: null, tprAt1Fpr: null };
}

describe('findMissedTargets', () => {
  it('accepts rates on the targets', () => {
    expect(findMissedTargets([row('people', 'human', 0.01), row('circles_bot_pynput', 'bot', 0.99), row('bezier_fitts', 'bot', 0.95)])).toEqual([]);
  });

  it('flags a human source over 1 %', () => {
    const missed = findMissedTargets([row('people', 'human', 0.02)]);
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ family: 'people', bound: 'max', required: 0.01 });
  });

  it('flags a bot family under its target', () => {
    const missed = findMissedTargets([row('circles_bot_gan', 'bot', 0.9), row('moderate_bot', 'bot', 0.985)]);
    expect(missed.map((miss) => miss.family)).toEqual(['circles_bot_gan', 'moderate_bot']);
  });

  it('ignores bot families without a target', () => {
    expect(findMissedTargets([row('gaussian_typing', 'bot', 0), row('circles_bot_new', 'bot', 0)])).toEqual([]);
  });
});
