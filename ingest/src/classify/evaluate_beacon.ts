import type { Evidence, SessionClass } from '@telltale/shared';

import { extractDwellFeatures } from '../features/dwell';
import { extractEnvironmentFeatures } from '../features/environment';
import { extractKeystrokeFeatures } from '../features/keystroke';
import { extractNavigationFeatures } from '../features/navigation';
import { extractPointerFeatures } from '../features/pointer';
import { extractPointerDynamics } from '../features/pointer_dynamics';
import { foldIntoBaseline, isShift, measureShift, type ShiftMeasure } from './baseline';
import { scoreIdentityDeviation, type IdentityBaseline } from './identity_deviation';
import { inferFramework } from './infer_framework';
import { scoreBehaviour } from './score_behaviour';
import { scoreSoftKeyboard } from './score_soft_keyboard';
import { scoreDistanceStepping } from './score_distance_stepping';
import { scorePathJitter } from './score_path_jitter';
import { scoreSparseStepping } from './score_sparse_stepping';
import { scorePointerModel, withPointerModel } from './pointer_model';
import { applyRequestIdentity } from './score_request_identity';
import { scoreEnvironment } from './score_environment';
import { createSessionState, mergeEvidence, type SessionState } from './session_state';
import * as limits from './thresholds';
import type { BeaconInput, Decision, RequestFacts } from './types';
import type { WindowFeatures } from './window_features';

export type { SessionState } from './session_state';
export type { WindowFeatures } from './window_features';

/**
 * Evaluates one beacon of a session: extracts this window's features, adds its evidence to
 * the session's, and decides the session's class.
 *
 * `state` is null for the session's first beacon; afterwards pass the `state` returned for
 * the previous beacon (it is plain JSON of bounded size). The function is pure: time comes
 * from the events and from `request.receivedAt`.
 *
 * Classes: a signed request decides first. An invalid, expired or replayed Web Bot Auth
 * signature makes the session `rogue_bot`, a valid one from a registered agent within its
 * scopes `authorized_agent`, and one from an unregistered agent `unverified_agent`
 * (see `RequestFacts.identity`). Declared automation (webdriver flag, headless or bot user
 * agent) is `unverified_agent`. Other automation evidence at or above `AUTOMATION_LOG_ODDS` is
 * `rogue_bot`. A session with evidence for a person at or below `HUMAN_LOG_ODDS` is `human`.
 * Anything else is `unknown`. A session keeps its class until the evidence crosses the other
 * class's threshold, so one ambiguous window does not flip it, while a window with strong
 * scripted evidence does.
 *
 * `identityBaseline` is the running statistics of the session's signed-in identity, when
 * the page named one. A window that departs strongly from it gains `identity_deviation`.
 */
export function evaluateBeacon(
  state: SessionState | null,
  beacon: BeaconInput,
  request: RequestFacts,
  identityBaseline?: IdentityBaseline | null,
): { state: SessionState; decision: Decision; features: WindowFeatures } {
  const previous = state ?? createSessionState();
  const next: SessionState = structuredClone(previous);
  next.windows += 1;

  if (next.page !== beacon.page) {
    // Event timestamps restart with each page load, so per-page carries restart too.
    next.carry = { ...next.carry, keyedFields: [], pointer: null, dwell: null };
    next.page = beacon.page;
  }

  let environmentFeatures = {};
  if (beacon.env !== undefined) {
    const environment = extractEnvironmentFeatures(beacon.env, request);
    const scored = scoreEnvironment(environment);
    const named = inferFramework(environment);
    environmentFeatures = environment.features;
    declare(next, scored.declared, named.framework, [...scored.evidence, ...named.evidence]);
  } else if (request.declaredClient !== undefined) {
    // No environment facts, and a user agent that names automation: the beacon did not come
    // from the SDK in a browser, so the request's own name counts.
    declare(next, true, request.declaredClient.framework, request.declaredClient.evidence);
  }

  if (request.identity !== undefined) applyRequestIdentity(next, request.identity);

  const keys = extractKeystrokeFeatures(beacon.events, next.carry.keyedFields);
  const pointer = extractPointerFeatures(beacon.events, next.carry.pointer);
  const dwell = extractDwellFeatures(beacon.events, next.carry.dwell);
  const navigation = extractNavigationFeatures(beacon.events, beacon.page, request.receivedAt, next.carry.navigation);
  next.carry = { keyedFields: keys.keyedFields, pointer: pointer.carry, dwell: dwell.carry, navigation: navigation.carry };
  if (dwell.features.interactionCount > 0) next.interacted = true;

  const dynamics = extractPointerDynamics(beacon.events);
  const dynamicsEvidence = [
    ...scorePointerModel(pointer.features, dynamics),
    ...scoreSparseStepping(dynamics),
    ...scoreDistanceStepping(dynamics),
    ...scorePathJitter(dynamics),
  ];
  const windowEvidence = withPointerModel(scoreBehaviour(keys.features, pointer.features), dynamicsEvidence);
  windowEvidence.push(...scoreSoftKeyboard(beacon.events, keys.features));
  let windowScore = sumWeights(windowEvidence);
  const active =
    pointer.features.pointerMoveCount >= limits.MIN_ACTIVE_MOVES || keys.features.keyIntervalCount >= limits.MIN_KEY_INTERVALS;
  const measured: Record<string, number | null> = { ...keys.features, ...pointer.features, windowScore };

  let shift: ShiftMeasure | null = null;
  // A window too short to join the baseline can still depart from it, if it carries evidence.
  const judged = active || windowEvidence.length > 0;
  if (judged && next.baseline !== null && next.baseline.windows >= 2) {
    shift = measureShift(next.baseline, measured);
    // Only a departure towards automation is evidence; a bot session turning human is left to the other evidence.
    if (isShift(shift) && windowScore >= limits.SHIFT_MIN_WINDOW_SCORE) {
      const evidence: Evidence = {
        code: 'session_shift',
        feature: 'shiftFeatureCount',
        value: shift.departedFeatures.length,
        threshold: limits.SHIFT_MIN_FEATURES,
        weight: limits.WEIGHT_SESSION_SHIFT,
      };
      windowEvidence.unshift(evidence);
      windowScore += evidence.weight;
    }
  }

  if (judged) {
    const deviation = scoreIdentityDeviation(identityBaseline, measured, windowScore);
    if (deviation !== null) {
      windowEvidence.unshift(deviation);
      windowScore += deviation.weight;
    }
  }

  if (windowEvidence.length > 0) {
    next.behaviourScore = clamp(
      next.behaviourScore * limits.BEHAVIOUR_SCORE_DECAY + windowScore,
      limits.BEHAVIOUR_SCORE_MIN,
      limits.BEHAVIOUR_SCORE_MAX,
    );
    next.behaviourEvidence = mergeEvidence(next.behaviourEvidence, windowEvidence, false);
    if (windowEvidence.some((item) => item.weight < 0)) next.humanEvidenceSeen = true;
  }
  if (active) {
    next.activeWindows += 1;
    if (next.baseline === null || next.baseline.windows < limits.BASELINE_WINDOWS) {
      next.baseline = foldIntoBaseline(next.baseline, measured);
    }
  }

  const decision = decide(next);
  next.cls = decision.cls;
  const features: WindowFeatures = {
    ...keys.features,
    ...pointer.features,
    ...dwell.features,
    ...navigation.features,
    ...environmentFeatures,
    windowScore: round(windowScore),
    behaviourScore: round(next.behaviourScore),
    shiftFeatureCount: shift === null ? null : shift.departedFeatures.length,
    shiftZMax: shift === null ? null : round(shift.zMax),
  };
  return { state: next, decision, features };
}

function decide(state: SessionState): Decision {
  const environmentScore = sumWeights(state.environmentEvidence) + sumWeights(state.identityEvidence ?? []);
  const logOdds = environmentScore + state.behaviourScore;
  const cls = chooseClass(state, logOdds);
  const evidence = explain(state, cls);
  return {
    cls,
    score: round(1 / (1 + Math.exp(-logOdds))),
    framework: cls === 'unverified_agent' || cls === 'rogue_bot' || cls === 'authorized_agent' ? state.framework : null,
    reasons: evidence.map((item) => item.code),
    evidence,
  };
}

/** Adds what the client declares about itself to the session: automation, a framework name and evidence. */
function declare(state: SessionState, declared: boolean, framework: string | null, evidence: readonly Evidence[]): void {
  state.declared ||= declared;
  state.framework = framework ?? state.framework;
  state.environmentEvidence = mergeEvidence(state.environmentEvidence, evidence, true);
}

function chooseClass(state: SessionState, logOdds: number): SessionClass {
  if (state.identityClass === 'rogue_bot' || state.identityClass === 'authorized_agent') return state.identityClass;
  if (state.identityClass === 'unverified_agent' || state.declared) return 'unverified_agent';
  if (logOdds >= limits.AUTOMATION_LOG_ODDS) return 'rogue_bot';
  if (state.cls === 'rogue_bot' && logOdds > limits.HUMAN_LOG_ODDS) return 'rogue_bot';
  if (state.humanEvidenceSeen && (logOdds <= limits.HUMAN_LOG_ODDS || state.cls === 'human')) return 'human';
  return 'unknown';
}

/** Returns the evidence that supports the class, most important first. */
function explain(state: SessionState, cls: SessionClass): Evidence[] {
  const all = [...state.environmentEvidence, ...state.behaviourEvidence];
  const identity = state.identityEvidence ?? [];
  if (identity.length > 0 && cls !== 'human' && cls !== 'unknown') {
    // The signature outcome comes first, because it decided the class.
    return [...identity, ...all.filter((item) => item.weight > 0).sort((a, b) => b.weight - a.weight)];
  }
  if (cls === 'human') return all.filter((item) => item.weight < 0).sort((a, b) => a.weight - b.weight);
  if (cls === 'unverified_agent' || cls === 'rogue_bot') {
    return all.filter((item) => item.weight > 0).sort((a, b) => b.weight - a.weight);
  }
  if (!state.interacted) {
    return [{ code: 'no_interaction', feature: 'interactionCount', value: 0, threshold: 1, weight: 0 }, ...all];
  }
  return all.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

function sumWeights(evidence: readonly Evidence[]): number {
  let sum = 0;
  for (const item of evidence) sum += item.weight;
  return sum;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
