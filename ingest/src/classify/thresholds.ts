/**
 * Thresholds and weights of the classifier, in one place so that the measurement script
 * and the provenance notes refer to the same numbers.
 *
 * Weights are log-odds contributions to the automation score: positive for automation,
 * negative for a person. Behaviour thresholds were chosen from the per-window distributions
 * that `ingest/scripts/measure-features.ts` prints for the DELBOT, Balabit, Iliou et al.
 * (web_bot_detection phase 1) and Keystroke100 recordings, converted to beacons as the SDK
 * sends them (5 s or 400 events per beacon).
 */

// Session decision.

/** Combined log-odds at or above which a session is automation. */
export const AUTOMATION_LOG_ODDS = 2.5;
/** Combined log-odds at or below which a session with behavioural evidence is a person. */
export const HUMAN_LOG_ODDS = -1;
/** Share of the running behaviour score that each new active window keeps. */
export const BEHAVIOUR_SCORE_DECAY = 0.5;
/** Bounds of the running behaviour score, so a long human session cannot bank immunity. */
export const BEHAVIOUR_SCORE_MIN = -4;
export const BEHAVIOUR_SCORE_MAX = 8;

// Activity needed before behaviour is judged.

/** A window with at least this many pointer moves, or `MIN_KEY_INTERVALS` key intervals, is active. */
export const MIN_ACTIVE_MOVES = 20;
export const MIN_KEY_INTERVALS = 5;
/** Active windows that make up a session's baseline. */
export const BASELINE_WINDOWS = 3;

// Environment weights.

export const WEIGHT_WEBDRIVER = 4;
export const WEIGHT_AUTOMATION_UA = 4;
export const WEIGHT_BOT_UA = 4;
export const WEIGHT_FRAMEWORK_TRACE = 4;
export const WEIGHT_CLIENT_HINTS_MISMATCH = 3;
export const WEIGHT_USER_AGENT_MISMATCH = 3;
export const WEIGHT_OUTER_WINDOW_ZERO = 3;
export const WEIGHT_WINDOW_LARGER_THAN_SCREEN = 1.5;
/** Outer = inner = screen also fits kiosk, fullscreen and mobile browsers, so it only adds to other evidence. */
export const WEIGHT_WINDOW_FILLS_SCREEN = 1;
/** Evidence that only names the framework of automation already shown by other evidence. */
export const WEIGHT_FRAMEWORK_HINT = 0.5;

// Behaviour weights and thresholds.

export const WEIGHT_UNTRUSTED = 5;
export const WEIGHT_INPUT_WITHOUT_KEYS = 3;
/** Characters inserted without keys before it counts (one character can be an IME or a test harness quirk). */
export const MIN_INPUT_WITHOUT_KEYS_CHARS = 2;
export const WEIGHT_CLICK_CENTRE = 2.5;
export const WEIGHT_CLICK_WITHOUT_APPROACH = 2;

/** Key interval spread (trimmed standard deviation, ms) at or below which typing is mechanical. */
export const KEY_SPREAD_MECHANICAL_MS = 6;
/** On a coarse clock, the mechanical spread limit grows to this share of the clock step. */
export const KEY_SPREAD_PER_CLOCK_STEP = 0.6;
export const WEIGHT_KEY_INTERVAL_REGULAR = 3;
export const WEIGHT_KEY_HOLD_MECHANICAL = 3;
/** Hold times below this median (ms) are releases dispatched with no delay. */
export const KEY_HOLD_INSTANT_MS = 8;
export const MIN_KEY_HOLDS = 5;
/** Key interval coefficient of variation at or above which typing has a person's spread. */
export const KEY_CV_HUMAN = 0.2;
export const WEIGHT_TYPING_HUMAN = -2;

export const MIN_SEGMENTS_STRAIGHT = 3;
export const STRAIGHTNESS_SCRIPTED = 0.999;
export const WEIGHT_PATH_STRAIGHT = 1.5;
export const EVEN_STEP_SHARE_SCRIPTED = 0.6;
export const WEIGHT_TIMING_REGULAR = 3;
/** Moving steps needed before step lengths are judged. */
export const MIN_MOVING_STEPS = 10;
export const STEP_CV_SCRIPTED = 0.28;
/** Robust step-length CV at or below which steps are constant, for steps of at least `MIN_ROBUST_STEP_PX`. */
export const STEP_ROBUST_CV_SCRIPTED = 0.2;
/** Below this median step, whole-pixel rounding makes every step look alike. */
export const MIN_ROBUST_STEP_PX = 2;
export const WEIGHT_SPEED_CONSTANT = 2.5;
export const ZERO_MOVE_SHARE_SCRIPTED = 0.2;
export const WEIGHT_STATIONARY_MOVES = 2.5;

export const EVEN_STEP_SHARE_HUMAN = 0.4;
export const STEP_CV_HUMAN = 0.3;
export const WEIGHT_POINTER_HUMAN = -2;

// Session shift.

/** Departure (in baseline standard deviations, with per-feature floors) that counts for one feature. */
export const SHIFT_Z = 3;
/** Features that must depart at once. */
export const SHIFT_MIN_FEATURES = 2;
export const WEIGHT_SESSION_SHIFT = 2.5;
/** Window score (before the shift itself) from which a departure counts as a shift towards automation. */
export const SHIFT_MIN_WINDOW_SCORE = 2.5;
