/**
 * Thresholds and weights of the classifier, in one place so that the measurement script
 * and the provenance notes refer to the same numbers.
 *
 * Weights are log-odds contributions to the automation score: positive for automation,
 * negative for a person. Behaviour thresholds come from the per-window distributions that
 * `node --import tsx ingest/scripts/measure-features.ts --data <datasets>` prints. The
 * recordings were DELBOT-Mouse (humans: pc1, vm, pc2_pad; bots: pynput, NaturalMouseMotion,
 * GAN runs 18/25/27), Balabit (18 sessions), Iliou et al. phase 1 (4 humans, 4 moderate and
 * 4 advanced bots) and Keystroke100 (users 1–20), each converted to beacons of 5 s or 400 events. "Human min"
 * below is the lowest value over all active human windows of those sets.
 */

// Session decision.

/** Combined log-odds at or above which a session is automation. */
export const AUTOMATION_LOG_ODDS = 2.5;
/** Combined log-odds at or below which a session with behavioural evidence is a person. */
export const HUMAN_LOG_ODDS = -1;
/**
 * Share of the running behaviour score that each window with evidence keeps. With the floor
 * at -4, one window needs at least +4.5 to turn a settled human session into automation,
 * while a single window of +2.5 leaves it at +0.5.
 */
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
/** Software WebGL also runs in VMs, remote desktops and on blocklisted GPUs, so it counts only beside other environment evidence. */
export const WEIGHT_SOFTWARE_RENDERER = 1.5;
/** Under the automation threshold on its own, because a privacy extension can also replace the renderer string. */
export const WEIGHT_WEBGL_RENDERER_MISMATCH = 2;
/** Evidence that only names the framework of automation already shown by other evidence. */
export const WEIGHT_FRAMEWORK_HINT = 0.5;

// Scripted input, judged without statistics.

export const WEIGHT_UNTRUSTED = 5;
export const WEIGHT_INPUT_WITHOUT_KEYS = 3;
/** Characters inserted without keys before it counts (one character can be an IME or a test harness quirk). */
export const MIN_INPUT_WITHOUT_KEYS_CHARS = 2;
export const WEIGHT_CLICK_CENTRE = 2.5;
/**
 * Weak on its own: Balabit's remote-desktop capture reports some presses 30+ px from the
 * last reported move, with no move within 1 s (flagged in 0.3 % of its active windows).
 */
export const WEIGHT_CLICK_WITHOUT_APPROACH = 2;

// Keystrokes.

/**
 * Key interval spread (trimmed standard deviation, ms) at or below which typing is
 * mechanical. Keystroke100 humans: min 49.7 ms, p5 61.6 ms (on a 15.625 ms clock);
 * Playwright `pressSequentially` with `delay: 80` stays under 1 ms on a 0.1 ms clock.
 */
export const KEY_SPREAD_MECHANICAL_MS = 6;
/** On a coarse clock, the mechanical spread limit grows to this share of the clock step. */
export const KEY_SPREAD_PER_CLOCK_STEP = 0.6;
export const WEIGHT_KEY_INTERVAL_REGULAR = 3;
export const WEIGHT_KEY_HOLD_MECHANICAL = 3;
/**
 * Hold times below this median (ms) are releases dispatched with no delay.
 * NOTE: none of the datasets has key releases, so the hold limits rest on the interval
 * measurements and on Playwright's behaviour, not on measured human holds.
 */
export const KEY_HOLD_INSTANT_MS = 8;
export const MIN_KEY_HOLDS = 5;
/**
 * Coarsest key clock (ms) on which hold times are judged. Hold times of people are mostly
 * 70–130 ms, so on a 100 ms clock they come out as 0, 100 or 200 ms and neither their median
 * nor their spread separates a person from instant releases. 20 ms keeps the 15.6 ms and
 * 16.7 ms clocks of Windows timers and 60 Hz clamping.
 */
export const MAX_HOLD_CLOCK_STEP_MS = 20;
/** Key interval CV at or above which typing has a person's spread. Keystroke100: min 0.185, p5 0.244, median 0.451. */
export const KEY_CV_HUMAN = 0.2;
export const WEIGHT_TYPING_HUMAN = -2;

// Pointer.

/** Straightness needs several segments: human min is 0.008 but human max is 1.000 for single windows. */
export const MIN_SEGMENTS_STRAIGHT = 3;
export const STRAIGHTNESS_SCRIPTED = 0.999;
export const WEIGHT_PATH_STRAIGHT = 1.5;
/**
 * Share of steps in evenly spaced collinear runs. Human max: 0.54 (Iliou), 0.52 (DELBOT pc1),
 * 0.46 (Balabit); moderate bots p5 0.98, advanced bots p5 0.80.
 */
export const EVEN_STEP_SHARE_SCRIPTED = 0.6;
export const WEIGHT_TIMING_REGULAR = 3;
/** Moving steps needed before step lengths are judged. */
export const MIN_MOVING_STEPS = 10;
/**
 * Step-length CV at or below which the pointer moves by constant increments. Human min:
 * 0.282 (DELBOT pc1), 0.376 (vm), 0.379 (pad), 0.466 (Balabit), 0.518 (Iliou); pynput median
 * 0.231. The limit sits well under the human minimum because longer steps carry less rounding
 * noise: with every second point of the DELBOT human recordings dropped (a hand twice as
 * fast), a limit of 0.28 flagged 11 of 93 pc1 sessions, and 0.22 flagged 1. The pointer model
 * catches the pynput windows between the two (its detection is the same with either limit).
 */
export const STEP_CV_SCRIPTED = 0.22;
/**
 * Robust step-length CV at or below which steps are constant, for steps of at least
 * `MIN_ROBUST_STEP_PX`. Human min: 0.240 (pc1), 0.300 (Balabit); pynput median 0.146. Lowered
 * from 0.2 with `STEP_CV_SCRIPTED`, for the same reason.
 */
export const STEP_ROBUST_CV_SCRIPTED = 0.16;
/** Below this median step, whole-pixel rounding makes every step alike (an Iliou human window has 1 px steps and robust CV 0). */
export const MIN_ROBUST_STEP_PX = 2;
export const WEIGHT_SPEED_CONSTANT = 2.5;
/** Share of moves repeating the previous position. Human max 0.071 (pad); GAN p95 0.62. */
export const ZERO_MOVE_SHARE_SCRIPTED = 0.2;
export const WEIGHT_STATIONARY_MOVES = 2.5;

/** Human-pointer evidence needs both: even-step share under this and step CV over `STEP_CV_HUMAN`. */
export const EVEN_STEP_SHARE_HUMAN = 0.4;
/** DELBOT pc1 p5 0.321, other humans higher; pynput p95 0.339, so that tail of pynput reads as human. */
export const STEP_CV_HUMAN = 0.3;
export const WEIGHT_POINTER_HUMAN = -2;

// Session shift.

/** Departure (in baseline standard deviations, with per-feature floors) that counts for one feature. */
export const SHIFT_Z = 3;
/** Features that must depart at once. Human windows: shiftFeatureCount p95 1 (Balabit), 2 (Iliou). */
export const SHIFT_MIN_FEATURES = 2;
export const WEIGHT_SESSION_SHIFT = 2.5;
/** Window score (before the shift itself) from which a departure counts as a shift towards automation. */
export const SHIFT_MIN_WINDOW_SCORE = 2.5;
