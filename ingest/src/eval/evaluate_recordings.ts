import { isAgentDriven } from '@telltale/shared';

import type { Recording } from '../recordings/load_recordings';
import { replaySession } from '../recordings/replay_session';
import { rocAuc, truePositiveRateAt } from './roc_metrics';

/** False-positive rate at which `tprAt1Fpr` is read off the ROC curve. */
export const TPR_FALSE_POSITIVE_RATE = 0.01;

/** One row of the evaluation: a labelled source (dataset and family) and how it was classified. */
export interface EvaluationResult {
  dataset: string;
  family: string;
  label: 'human' | 'bot';
  sessions: number;
  /** Share of sessions classified as any automation class at any beacon. */
  automationRate: number;
  /** ROC AUC of this bot family's scores against all human sessions' scores; null for humans. */
  auc: number | null;
  /** Detection rate at the score threshold that keeps the pooled human false-positive rate at or under 1 %; null for humans. */
  tprAt1Fpr: number | null;
  /** Same as `automationRate`, for human sources only. */
  falsePositiveRate?: number;
}

/** Session outcome: whether any beacon's decision was automation, and the highest automation score. */
export interface SessionOutcome {
  automation: boolean;
  score: number;
}

/**
 * Runs a recording's beacons through `evaluateBeacon`, the classifier that `/v1/collect`
 * calls after validation, and returns the session's outcome.
 */
export function evaluateRecording(recording: Recording): SessionOutcome {
  let automation = false;
  let score = 0;
  for (const step of replaySession(recording.beacons)) {
    if (isAgentDriven(step.decision.cls)) automation = true;
    score = Math.max(score, step.decision.score);
  }
  return { automation, score };
}

/**
 * Evaluates every recording and returns one result per dataset and family, humans first,
 * in the order the families first appear. `onProgress` is called after each recording.
 */
export function evaluateRecordings(
  recordings: readonly Recording[],
  onProgress: (done: number, total: number) => void = () => {},
): EvaluationResult[] {
  const groups = new Map<string, { recording: Recording; outcomes: SessionOutcome[] }>();
  recordings.forEach((recording, index) => {
    const key = `${recording.dataset}/${recording.family}`;
    const group = groups.get(key) ?? { recording, outcomes: [] };
    group.outcomes.push(evaluateRecording(recording));
    groups.set(key, group);
    onProgress(index + 1, recordings.length);
  });

  const humanScores = [...groups.values()]
    .filter((group) => group.recording.label === 'human')
    .flatMap((group) => group.outcomes.map((outcome) => outcome.score));

  const results: EvaluationResult[] = [];
  for (const { recording, outcomes } of groups.values()) {
    const automationRate = outcomes.filter((outcome) => outcome.automation).length / outcomes.length;
    const base = { dataset: recording.dataset, family: recording.family, label: recording.label, sessions: outcomes.length, automationRate };
    if (recording.label === 'human') {
      results.push({ ...base, auc: null, tprAt1Fpr: null, falsePositiveRate: automationRate });
      continue;
    }
    const scores = outcomes.map((outcome) => outcome.score);
    results.push({
      ...base,
      auc: rocAuc(scores, humanScores),
      tprAt1Fpr: truePositiveRateAt(scores, humanScores, TPR_FALSE_POSITIVE_RATE),
    });
  }
  const rank = (result: EvaluationResult): number => (result.label === 'human' ? 0 : 1);
  return results.sort((a, b) => rank(a) - rank(b));
}
