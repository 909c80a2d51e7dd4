import { describe, expect, it } from 'vitest';

import { extractPointerFeatures } from '../features/pointer';
import { extractPointerDynamics } from '../features/pointer_dynamics';
import { loadDelbotFixtures } from '../../test/recordings/fixtures';
import {
  applyPointerModel,
  evidenceOffsetFor,
  isFrameRateSampled,
  POINTER_MODEL_FEATURES,
  pointerModelInputs,
  scorePointerModel,
  withPointerModel,
  type PointerModelWeights,
} from './pointer_model';
import weights from './pointer_model_weights.json';

const TOY_MODEL: PointerModelWeights = {
  base: -1,
  stumps: [
    { feature: 'tinyStepShare', threshold: 0.5, below: -0.5, above: 2, missing: 0 },
    { feature: 'tinyStepShare', threshold: 0.9, below: 0, above: 1, missing: 0 },
    { feature: 'speedCv', threshold: 0.3, below: 0.7, above: -0.2, missing: 0.1 },
  ],
  evidenceOffset: 0,
  frameRateEvidenceOffset: 0,
  evidenceCap: 6,
};

function inputs(values: Partial<Record<(typeof POINTER_MODEL_FEATURES)[number], number>>) {
  const all = Object.fromEntries(POINTER_MODEL_FEATURES.map((name) => [name, values[name] ?? null]));
  return all as Record<(typeof POINTER_MODEL_FEATURES)[number], number | null>;
}

describe('applyPointerModel', () => {
  it('sums stump outputs per feature', () => {
    const { logOdds, contributions } = applyPointerModel(inputs({ tinyStepShare: 0.95, speedCv: 0.1 }), TOY_MODEL);
    expect(logOdds).toBeCloseTo(-1 + 2 + 1 + 0.7);
    expect(contributions[0]).toEqual({ feature: 'tinyStepShare', value: 0.95, contribution: 3 });
    expect(contributions[1]?.feature).toBe('speedCv');
    expect(contributions[1]?.contribution).toBeCloseTo(0.7);
  });

  it('uses the missing branch for null inputs', () => {
    const { logOdds } = applyPointerModel(inputs({ tinyStepShare: 0.2 }), TOY_MODEL);
    expect(logOdds).toBeCloseTo(-1 - 0.5 + 0 + 0.1);
  });
});

describe('evidenceOffsetFor', () => {
  const model = { ...TOY_MODEL, evidenceOffset: 4, frameRateEvidenceOffset: 2 };

  it('uses the frame-rate offset up to a 40 ms median interval', () => {
    expect(isFrameRateSampled(inputs({ intervalLogMedian: Math.log(16.7) }))).toBe(true);
    expect(evidenceOffsetFor(inputs({ intervalLogMedian: Math.log(16.7) }), model)).toBe(2);
    expect(evidenceOffsetFor(inputs({ intervalLogMedian: Math.log(40) }), model)).toBe(2);
  });

  it('uses the sparse offset for slower sampling and unknown intervals', () => {
    expect(evidenceOffsetFor(inputs({ intervalLogMedian: Math.log(109) }), model)).toBe(4);
    expect(evidenceOffsetFor(inputs({}), model)).toBe(4);
  });
});

describe('committed pointer model', () => {
  it('uses only known features', () => {
    const model = weights as PointerModelWeights;
    expect(model.stumps.length).toBeGreaterThan(0);
    for (const stump of model.stumps) expect(POINTER_MODEL_FEATURES).toContain(stump.feature);
    expect(Number.isFinite(model.evidenceOffset)).toBe(true);
    expect(Number.isFinite(model.frameRateEvidenceOffset)).toBe(true);
  });

  it('adds no evidence for DELBOT human fixtures', () => {
    for (const family of ['circles_human_pc1', 'circles_human_vm', 'circles_human_pc2_pad']) {
      for (const { beacons } of loadDelbotFixtures(family)) {
        for (const beacon of beacons) {
          const evidence = scorePointerModel(extractPointerFeatures(beacon.events).features, extractPointerDynamics(beacon.events));
          expect(evidence).toEqual([]);
        }
      }
    }
  });

  it('names the top feature in its evidence', () => {
    const flagged = loadDelbotFixtures('circles_bot_pynput')
      .flatMap(({ beacons }) => beacons)
      .map((beacon) => scorePointerModel(extractPointerFeatures(beacon.events).features, extractPointerDynamics(beacon.events)))
      .filter((evidence) => evidence.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const [evidence] of flagged) {
      expect(evidence?.code).toBe('pointer_profile_scripted');
      expect(POINTER_MODEL_FEATURES).toContain(evidence?.feature);
      expect(evidence?.weight).toBeGreaterThanOrEqual(2.5);
    }
  });

  it('drops the robust step spread for whole-pixel steps', () => {
    const events = loadDelbotFixtures('circles_human_pc1')[0]!.beacons[0]!.events;
    const pointer = extractPointerFeatures(events).features;
    const dynamics = extractPointerDynamics(events);
    expect(pointerModelInputs({ ...pointer, stepLengthMedianPx: 4, stepLengthRobustCv: 0.3 }, dynamics).stepLengthRobustCv).toBe(0.3);
    expect(pointerModelInputs({ ...pointer, stepLengthMedianPx: 1, stepLengthRobustCv: 0 }, dynamics).stepLengthRobustCv).toBeNull();
  });

  it('reads inputs from both feature sets', () => {
    const events = loadDelbotFixtures('circles_human_pc1')[0]!.beacons[0]!.events;
    const read = pointerModelInputs(extractPointerFeatures(events).features, extractPointerDynamics(events));
    expect(read.zeroMoveShare).not.toBeNull();
    expect(read.angleChangeMean).not.toBeNull();
  });
});

describe('withPointerModel', () => {
  const human = { code: 'pointer_dynamics_human' as const, feature: 'stepLengthCv', value: 0.5, threshold: 0.3, weight: -2 };
  const model = { code: 'pointer_profile_scripted' as const, feature: 'speedCv', value: 0.1, threshold: 1, weight: 3 };

  it('drops human pointer evidence when the model fires', () => {
    expect(withPointerModel([human], [model])).toEqual([model]);
  });

  it('keeps the rules alone otherwise', () => {
    expect(withPointerModel([human], [])).toEqual([human]);
  });

  it('skips a code the rules already gave', () => {
    const rule = { code: 'pointer_speed_constant' as const, feature: 'stepLengthCv', value: 0.1, threshold: 0.28, weight: 2.5 };
    const sparse = { ...rule, feature: 'sparseStepLengthCv' };
    expect(withPointerModel([rule, human], [sparse])).toEqual([rule, human]);
  });
});
