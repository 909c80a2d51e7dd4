import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { convertDelbotRecording } from '../recordings/convert_delbot';
import { desktopChromeRequest } from '../recordings/desktop_chrome';
import { evaluateBeacon } from './evaluate_beacon';
import {
  IDENTITY_MIN_WINDOWS,
  foldIntoIdentityBaseline,
  isIdentityBaselineWindow,
  measureIdentityDeviation,
  scoreIdentityDeviation,
  type IdentityBaseline,
} from './identity_deviation';
import { SHIFT_MIN_FEATURES } from './thresholds';
import type { Decision } from './types';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'recordings', 'fixtures');

/** Evaluates each recording in a folder as a session of its own and returns the last window's features and decision. */
function evaluateFolder(folder: string): { features: object; decision: Decision }[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => {
      let state = null;
      let last: { features: object; decision: Decision } | null = null;
      for (const beacon of convertDelbotRecording(readFileSync(join(dir, file), 'utf8'))) {
        const lastEvent = beacon.events[beacon.events.length - 1];
        const result = evaluateBeacon(state, beacon, desktopChromeRequest(lastEvent?.t ?? 0));
        state = result.state;
        last = { features: result.features, decision: result.decision };
      }
      return last!;
    });
}

/** A baseline of `count` windows whose values alternate around `mean` by ± `halfRange`. */
function constantBaseline(values: Record<string, number>, count: number, halfRange = 0): IdentityBaseline {
  let baseline: IdentityBaseline = {};
  for (let index = 0; index < count; index++) {
    const sign = index % 2 === 0 ? 1 : -1;
    const window = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value + sign * halfRange]));
    baseline = foldIntoIdentityBaseline(baseline, window);
  }
  return baseline;
}

function decision(cls: Decision['cls'], score: number): Decision {
  return { cls, score, framework: null, reasons: [], evidence: [] };
}

describe('foldIntoIdentityBaseline', () => {
  it('matches the two-pass mean and variance', () => {
    const samples = [16, 16.5, 15.2, 17.9, 16.1, 14.8];
    let baseline: IdentityBaseline = {};
    for (const value of samples) baseline = foldIntoIdentityBaseline(baseline, { sampleIntervalMsMedian: value });

    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    const m2 = samples.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    const stat = baseline.sampleIntervalMsMedian!;
    expect(stat.n).toBe(samples.length);
    expect(stat.mean).toBeCloseTo(mean, 10);
    expect(stat.m2).toBeCloseTo(m2, 10);
  });

  it('skips missing values and unknown features', () => {
    const baseline = foldIntoIdentityBaseline({}, { sampleIntervalMsMedian: null, keyIntervalCv: Number.NaN, stepLengthCv: 0.4, pointerMoveCount: 80 });
    expect(Object.keys(baseline)).toEqual(['stepLengthCv']);
  });

  it('leaves the input baseline unchanged', () => {
    const before = foldIntoIdentityBaseline({}, { stepLengthCv: 0.4 });
    const copy = structuredClone(before);
    foldIntoIdentityBaseline(before, { stepLengthCv: 0.9 });
    expect(before).toEqual(copy);
  });
});

describe('measureIdentityDeviation', () => {
  it('returns null in cold start', () => {
    const baseline = constantBaseline({ sampleIntervalMsMedian: 16, stepLengthCv: 0.4 }, IDENTITY_MIN_WINDOWS - 1, 1);
    expect(measureIdentityDeviation(baseline, { sampleIntervalMsMedian: 60, stepLengthCv: 0.05 })).toBeNull();
  });

  it('returns null when the window shares no feature with the baseline', () => {
    const baseline = constantBaseline({ sampleIntervalMsMedian: 16 }, IDENTITY_MIN_WINDOWS);
    expect(measureIdentityDeviation(baseline, { keyIntervalMsMedian: 150 })).toBeNull();
  });

  it('uses the spread floor for a constant baseline', () => {
    // sampleIntervalMsMedian has a floor of 8 ms: 16 + 3 × 8 = 40 departs, 39 does not.
    const baseline = constantBaseline({ sampleIntervalMsMedian: 16 }, IDENTITY_MIN_WINDOWS);
    expect(measureIdentityDeviation(baseline, { sampleIntervalMsMedian: 40 })?.departedFeatures).toEqual(['sampleIntervalMsMedian']);
    expect(measureIdentityDeviation(baseline, { sampleIntervalMsMedian: 39 })?.departedFeatures).toEqual([]);
  });

  it('keeps recorded windows of one person close', () => {
    let baseline: IdentityBaseline = {};
    for (const window of evaluateFolder('identity/circles_human_pc1')) baseline = foldIntoIdentityBaseline(baseline, window.features);

    for (const window of evaluateFolder('delbot/circles_human_pc1')) {
      const deviation = measureIdentityDeviation(baseline, window.features);
      expect(deviation).not.toBeNull();
      expect(deviation!.departedFeatures.length).toBeLessThan(SHIFT_MIN_FEATURES);
    }
    for (const window of evaluateFolder('delbot/circles_bot_pynput')) {
      const deviation = measureIdentityDeviation(baseline, window.features);
      expect(deviation!.departedFeatures.length).toBeGreaterThanOrEqual(SHIFT_MIN_FEATURES);
    }
  });
});

describe('scoreIdentityDeviation', () => {
  const baseline = constantBaseline({ sampleIntervalMsMedian: 16, stepLengthCv: 0.4, windowScore: -2 }, IDENTITY_MIN_WINDOWS, 0.01);
  const scripted = { sampleIntervalMsMedian: 50, stepLengthCv: 0.05, windowScore: 3 };

  it('returns evidence with the largest departure', () => {
    const evidence = scoreIdentityDeviation(baseline, scripted, 3);
    expect(evidence?.code).toBe('identity_deviation');
    expect(evidence?.feature).toBe('identityDeviationZMax');
    // Departures over the floors: sample interval (50 − 16) / 8 = 4.25, step CV 3.5, window score 3.333.
    expect(evidence?.value).toBe(4.25);
    expect(evidence?.threshold).toBe(3);
    expect(evidence?.weight).toBeGreaterThan(0);
  });

  it('ignores a departure with human evidence in the window', () => {
    expect(scoreIdentityDeviation(baseline, { ...scripted, windowScore: -2 }, -2)).toBeNull();
    expect(scoreIdentityDeviation(baseline, scripted, 0)).toBeNull();
  });

  it('needs several departed features', () => {
    expect(scoreIdentityDeviation(baseline, { sampleIntervalMsMedian: 50, stepLengthCv: 0.4, windowScore: -2 }, 1)).toBeNull();
  });

  it('returns null without a baseline or in cold start', () => {
    expect(scoreIdentityDeviation(null, scripted, 3)).toBeNull();
    expect(scoreIdentityDeviation(undefined, scripted, 3)).toBeNull();
    expect(scoreIdentityDeviation({}, scripted, 3)).toBeNull();
  });
});

describe('isIdentityBaselineWindow', () => {
  const active = { pointerMoveCount: 60, keyIntervalCount: 0, windowScore: -2 };

  it('accepts an active window of a confident human session', () => {
    expect(isIdentityBaselineWindow(decision('human', 0.119), active)).toBe(true);
    expect(isIdentityBaselineWindow(decision('human', 0.05), { pointerMoveCount: 0, keyIntervalCount: 12, windowScore: -2 })).toBe(true);
  });

  it('rejects other classes and weaker scores', () => {
    expect(isIdentityBaselineWindow(decision('human', 0.2), active)).toBe(false);
    expect(isIdentityBaselineWindow(decision('unknown', 0.05), active)).toBe(false);
    expect(isIdentityBaselineWindow(decision('rogue_bot', 0.99), active)).toBe(false);
    expect(isIdentityBaselineWindow(decision('unverified_agent', 0.05), active)).toBe(false);
  });

  it('rejects inactive windows and windows leaning to automation', () => {
    expect(isIdentityBaselineWindow(decision('human', 0.05), { pointerMoveCount: 3, keyIntervalCount: 1, windowScore: 0 })).toBe(false);
    expect(isIdentityBaselineWindow(decision('human', 0.05), { ...active, windowScore: 1.5 })).toBe(false);
  });

  it('accepts the recorded human windows and rejects the pynput ones', () => {
    for (const window of evaluateFolder('identity/circles_human_pc1')) expect(isIdentityBaselineWindow(window.decision, window.features)).toBe(true);
    for (const window of evaluateFolder('delbot/circles_bot_pynput')) expect(isIdentityBaselineWindow(window.decision, window.features)).toBe(false);
  });
});
