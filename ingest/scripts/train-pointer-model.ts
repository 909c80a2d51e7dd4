/**
 * Trains the pointer model (boosted decision stumps) on the labelled recordings and the
 * generated adversaries, prints held-out validation, and writes the weights to
 * `ingest/src/classify/pointer_model_weights.json`. The same data gives the same weights.
 *
 * Usage: npm run train -- --data <datasets folder> [--holdout-weights FILE]
 * (`--holdout-weights` also writes the model trained on the even-numbered half, for validation.)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import {
  applyPointerModel,
  evidenceOffsetFor,
  isFrameRateSampled,
  POINTER_MODEL_FEATURES,
  POINTER_MODEL_MIN_STEPS,
  pointerModelInputs,
  stumpOutput,
  type PointerModelWeights,
} from '../src/classify/pointer_model';
import { generateAdversaries } from '../src/eval/generate_adversaries';
import { MIN_DETECTION_RATE } from '../src/eval/quality_targets';
import { extractPointerDynamics } from '../src/features/pointer_dynamics';
import { quantile } from '../src/features/stats';
import { loadRecordings, type Recording } from '../src/recordings/load_recordings';
import { replaySession } from '../src/recordings/replay_session';

const WEIGHTS_FILE = join(import.meta.dirname, '..', 'src', 'classify', 'pointer_model_weights.json');
/** Boosting schedule; fixed, so training is deterministic. */
const ROUNDS = 600;
const SHRINKAGE = 0.1;
/** Candidate thresholds per feature: the training values' quantiles. */
const BINS = 64;
/** Smallest hessian mass on each side of a split, against splits on a handful of windows. */
const MIN_SIDE_HESSIAN = 0.002;
/** Each evidence offset sits this far (log-odds) above the highest human training window of its sampling. */
const OFFSET_MARGIN = 2;
/** Gap (log-odds) that the training loss requires on each side of 0 (see `train`). */
const LOSS_MARGIN = 2;
const EVIDENCE_CAP = 6;
/** Detection target of a family weighed 1 in training (see `familyWeight`). */
const BASE_DETECTION_TARGET = 0.95;

interface Example {
  family: string;
  recording: string;
  label: 0 | 1;
  inputs: Record<string, number | null>;
}

function collectExamples(recordings: readonly Recording[]): Example[] {
  const examples: Example[] = [];
  for (const recording of recordings) {
    const steps = replaySession(recording.beacons);
    recording.beacons.forEach((beacon, index) => {
      const dynamics = extractPointerDynamics(beacon.events);
      if (dynamics.dynamicsStepCount < POINTER_MODEL_MIN_STEPS) return;
      const pointer = (steps[index] as (typeof steps)[number]).features;
      examples.push({
        family: `${recording.dataset}/${recording.family}`,
        recording: recording.id,
        label: recording.label === 'bot' ? 1 : 0,
        inputs: pointerModelInputs(pointer, dynamics),
      });
    });
  }
  return examples;
}

/**
 * Weight of a family within its class. Humans weigh alike. A bot family weighs in proportion
 * to the misses its detection target tolerates: one that must reach 99 % weighs five times
 * one that must reach 95 %, and a family with no target weighs like a 95 % one.
 */
function familyWeight(label: 0 | 1, family: string): number {
  if (label === 0) return 1;
  const required = MIN_DETECTION_RATE[family.slice(family.indexOf('/') + 1)] ?? BASE_DETECTION_TARGET;
  return (1 - BASE_DETECTION_TARGET) / (1 - Math.max(required, BASE_DETECTION_TARGET));
}

/**
 * Fits boosted stumps by Newton steps on the logistic loss. Within a family every window
 * weighs the same, and the family's total follows `familyWeight`, so long sessions and large
 * folders do not dominate. Humans and bots each hold half of the total weight.
 */
function train(examples: readonly Example[]): PointerModelWeights {
  const familyCounts = new Map<string, number>();
  for (const example of examples) familyCounts.set(example.family, (familyCounts.get(example.family) ?? 0) + 1);
  const raw = examples.map((example) => familyWeight(example.label, example.family) / (familyCounts.get(example.family) as number));
  const classTotals = [0, 0];
  examples.forEach((example, i) => (classTotals[example.label] = (classTotals[example.label] as number) + (raw[i] as number)));
  const sampleWeight = raw.map((value, i) => value / (2 * (classTotals[(examples[i] as Example).label] as number)));

  const thresholds = POINTER_MODEL_FEATURES.map((name) => {
    const values = examples.map((example) => example.inputs[name]).filter((value): value is number => value !== null);
    const cuts = new Set<number>();
    for (let b = 1; b < BINS; b += 1) cuts.add(quantile(values, b / BINS) as number);
    return [...cuts].sort((a, b) => a - b);
  });

  const stumps: PointerModelWeights['stumps'] = [];
  const margin = new Array<number>(examples.length).fill(0);
  for (let round = 0; round < ROUNDS; round += 1) {
    // The loss is computed on each window's log-odds moved towards the other class by
    // LOSS_MARGIN, so training keeps pushing bots until they clear +LOSS_MARGIN and humans
    // until they fall under -LOSS_MARGIN.
    const shifted = examples.map((example, i) => (margin[i] as number) + (example.label === 1 ? -LOSS_MARGIN : LOSS_MARGIN));
    const gradient = examples.map((example, i) => ((1 / (1 + Math.exp(-(shifted[i] as number)))) - example.label) * (sampleWeight[i] as number));
    const hessian = examples.map((_, i) => {
      const p = 1 / (1 + Math.exp(-(shifted[i] as number)));
      return Math.max(p * (1 - p), 1e-6) * (sampleWeight[i] as number);
    });
    let best: { gain: number; stump: PointerModelWeights['stumps'][number] } | null = null;
    POINTER_MODEL_FEATURES.forEach((feature, f) => {
      for (const threshold of thresholds[f] as number[]) {
        const sums = { below: [0, 0], above: [0, 0], missing: [0, 0] };
        examples.forEach((example, i) => {
          const value = example.inputs[feature] ?? null;
          let side = sums.missing;
          if (value !== null) side = value < threshold ? sums.below : sums.above;
          side[0] = (side[0] as number) + (gradient[i] as number);
          side[1] = (side[1] as number) + (hessian[i] as number);
        });
        if ((sums.below[1] as number) < MIN_SIDE_HESSIAN || (sums.above[1] as number) < MIN_SIDE_HESSIAN) continue;
        const leaf = (side: number[]): number => ((side[1] as number) > 0 ? -(side[0] as number) / ((side[1] as number) + 1e-4) : 0);
        const gain = [sums.below, sums.above].reduce((sum, side) => sum + (side[0] as number) ** 2 / ((side[1] as number) + 1e-4), 0);
        if (best === null || gain > best.gain) {
          best = {
            gain,
            stump: {
              feature,
              threshold,
              below: SHRINKAGE * leaf(sums.below),
              above: SHRINKAGE * leaf(sums.above),
              // A feature that cannot be measured adds nothing, because whether a window has a
              // drag or fast steps depends more on the page than on who moves the pointer.
              missing: 0,
            },
          };
        }
      }
    });
    if (best === null) break;
    const stump = (best as { stump: PointerModelWeights['stumps'][number] }).stump;
    stumps.push(stump);
    examples.forEach((example, i) => {
      margin[i] = (margin[i] as number) + stumpOutput(stump, example.inputs[stump.feature] ?? null);
    });
  }

  const model: PointerModelWeights = { base: 0, stumps, evidenceOffset: 0, frameRateEvidenceOffset: 0, evidenceCap: EVIDENCE_CAP };
  const humans = examples.filter((example) => example.label === 0);
  const isFrameRate = (example: Example): boolean => isFrameRateSampled(example.inputs as ModelInputs);
  const highest = (list: readonly Example[]): number => Math.max(...list.map((example) => score(model, example)));
  model.evidenceOffset = highest(humans.filter((example) => !isFrameRate(example))) + OFFSET_MARGIN;
  model.frameRateEvidenceOffset = highest(humans.filter(isFrameRate)) + OFFSET_MARGIN;
  return model;
}

type ModelInputs = Record<(typeof POINTER_MODEL_FEATURES)[number], number | null>;

function score(model: PointerModelWeights, example: Example): number {
  return applyPointerModel(example.inputs as ModelInputs, model).logOdds;
}

/** Returns whether the model flags a window, that is, whether its log-odds exceed the offset for its sampling. */
function flags(model: PointerModelWeights, example: Example): boolean {
  return score(model, example) > evidenceOffsetFor(example.inputs as ModelInputs, model);
}

/** Prints, per family, the share of held-out recordings with a window over the evidence offset. */
function report(title: string, model: PointerModelWeights, examples: readonly Example[]): void {
  console.log(`\n${title}`);
  const byFamily = new Map<string, Map<string, boolean>>();
  for (const example of examples) {
    const sessions = byFamily.get(example.family) ?? new Map<string, boolean>();
    sessions.set(example.recording, (sessions.get(example.recording) ?? false) || flags(model, example));
    byFamily.set(example.family, sessions);
  }
  for (const [family, sessions] of [...byFamily].sort()) {
    const flagged = [...sessions.values()].filter(Boolean).length;
    console.log(`  ${family.padEnd(48)} ${String(sessions.size).padStart(5)} sessions  flagged ${((100 * flagged) / sessions.size).toFixed(1)}%`);
  }
}

/** Returns the ids of the odd-numbered recordings of each family, in load order: the held-out half. */
function oddRecordings(recordings: readonly Recording[]): string[] {
  const seen = new Map<string, number>();
  const odd: string[] = [];
  for (const recording of recordings) {
    const family = `${recording.dataset}/${recording.family}`;
    const index = seen.get(family) ?? 0;
    if (index % 2 === 1) odd.push(recording.id);
    seen.set(family, index + 1);
  }
  return odd;
}

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' }, 'holdout-weights': { type: 'string' } } });
  if (values.data === undefined) {
    console.error('Missing --data: pass the folder that contains the delbot/, balabit/ and web_bot_detection/ datasets.');
    process.exit(2);
  }
  const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), values.data);
  const recordings = loadRecordings(dataDir);
  const all = [...recordings, ...generateAdversaries(recordings)];
  const examples = collectExamples(all);
  console.log(`${examples.length} windows from ${new Set(examples.map((e) => e.recording)).size} sessions`);

  // Held-out check 1: train on the even-numbered recordings of each family, test on the odd ones.
  const heldOut = new Set(oddRecordings(all));
  const isOdd = (example: Example): boolean => heldOut.has(example.recording);
  const halfModel = train(examples.filter((example) => !isOdd(example)));
  report('Held out: odd-numbered recordings of each family (trained on the even ones)', halfModel, examples.filter(isOdd));
  if (values['holdout-weights'] !== undefined) {
    writeFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), values['holdout-weights']), `${JSON.stringify(roundModel(halfModel), null, 2)}\n`);
  }

  // Held-out check 2: leave each bot family out of training, and test on it.
  console.log('\nHeld out: each bot family left out of training');
  for (const family of [...new Set(examples.filter((e) => e.label === 1).map((e) => e.family))].sort()) {
    const model = train(examples.filter((example) => example.family !== family && !isOdd(example)));
    const left = examples.filter((example) => example.family === family);
    const sessions = new Map<string, boolean>();
    for (const example of left) sessions.set(example.recording, (sessions.get(example.recording) ?? false) || flags(model, example));
    const flagged = [...sessions.values()].filter(Boolean).length;
    console.log(`  ${family.padEnd(48)} ${String(sessions.size).padStart(5)} sessions  flagged ${((100 * flagged) / sessions.size).toFixed(1)}%`);
  }

  const model = train(examples);
  report('Training data (all recordings)', model, examples);
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify(roundModel(model), null, 2)}\n`);
  console.log(`\nWrote ${WEIGHTS_FILE}`);
}

function roundModel(model: PointerModelWeights): PointerModelWeights {
  const r = (value: number): number => Math.round(value * 1e6) / 1e6;
  const stumps = model.stumps.map((stump) => ({
    feature: stump.feature,
    threshold: r(stump.threshold),
    below: r(stump.below),
    above: r(stump.above),
    missing: r(stump.missing),
  }));
  return {
    base: r(model.base),
    stumps,
    evidenceOffset: r(model.evidenceOffset),
    frameRateEvidenceOffset: r(model.frameRateEvidenceOffset),
    evidenceCap: model.evidenceCap,
  };
}

main();
