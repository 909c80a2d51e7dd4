/**
 * Reason codes attached to every decision, most important first.
 *
 * Each code is backed by a measured feature value (see `Evidence`). Wire values are
 * stable: never rename one; add a new code and retire the old.
 */
export const Reason = {
  // Declared identity and environment.
  /** The user agent or client-hint brands name an automation tool or a headless browser. */
  AutomationUserAgent: 'automation_user_agent',
  /** `navigator.webdriver` is true, which the browser reports when it is under remote control. */
  WebdriverFlag: 'webdriver_flag',
  /** The user agent string contradicts the client hints (brands, version, platform, mobile). */
  ClientHintsMismatch: 'client_hints_mismatch',
  /** The user agent of the beacon request differs from the one the page reports. */
  UserAgentMismatch: 'user_agent_mismatch',
  /** A page global or side effect left by an automation framework. */
  AutomationFrameworkTrace: 'automation_framework_trace',
  /** The user agent matches a known crawler or bot pattern. */
  BotUserAgent: 'bot_user_agent',
  /** Window or screen sizes that no visible desktop browser has (zero outer size, window larger than screen). */
  HeadlessWindow: 'headless_window',
  /** A headless browser reports a hovering fine pointer, which Playwright's launch settings emulate and plain headless Chromium lacks. */
  HeadlessPointerEmulated: 'headless_pointer_emulated',
  /** A browser that declares automation has a framework's default viewport (Puppeteer: 800×600). */
  AutomationDefaultViewport: 'automation_default_viewport',
  /** WebGL renders on the CPU (SwiftShader, llvmpipe), as in headless browsers, but also in VMs and on blocklisted GPUs. */
  SoftwareRenderer: 'software_renderer',
  /** A desktop Chromium user agent whose WebGL renderer string is not in the `ANGLE (…)` form every desktop Chromium reports. */
  WebglRendererMismatch: 'webgl_renderer_mismatch',

  // Request identity: what a request without a session tag declares or proves.
  /** The user agent names an AI agent, assistant or crawler (`ChatGPT-User`, `ClaudeBot`, …). */
  AgentUserAgent: 'agent_user_agent',
  /** The user agent names an HTTP client library or tool (`curl`, `python-requests`, `axios`, …). */
  HttpClientUserAgent: 'http_client_user_agent',
  /** The request carries the default header set of an agent framework (LangChain's web loader), whatever its user agent. */
  FrameworkHeaders: 'framework_headers',
  /** The request has no `User-Agent` header. */
  UserAgentMissing: 'user_agent_missing',
  /** A browser user agent without the headers that browser sends with every request (`Accept-Language`, `Sec-Fetch-*`, `Accept-Encoding`). */
  BrowserHeadersMissing: 'browser_headers_missing',
  /** A valid Web Bot Auth signature (RFC 9421) from a key in the agent's key directory. */
  SignatureVerified: 'signature_verified',
  /** The signing agent is in the operator's agent registry. */
  AgentRegistered: 'agent_registered',
  /** The signing agent proved its identity but is not in the operator's agent registry. */
  AgentUnregistered: 'agent_unregistered',
  /** A registered agent requested a route or data scope outside its registration. */
  AgentOutsideScope: 'agent_outside_scope',
  /** A Web Bot Auth signature that does not verify, is malformed or covers too little of the request. */
  SignatureInvalid: 'signature_invalid',
  /** A Web Bot Auth signature past its `expires` time, or created in the future, beyond the allowed clock skew. */
  SignatureExpired: 'signature_expired',
  /** A Web Bot Auth signature whose nonce was already used within its validity window. */
  SignatureReplayed: 'signature_replayed',
  /** The signature's `keyid` is not the thumbprint of any key in the agent's key directory. */
  SignatureKeyUnknown: 'signature_key_unknown',
  /** The agent's key directory could not be fetched or read, so its signature could not be checked. */
  KeyDirectoryUnavailable: 'key_directory_unavailable',

  // Behaviour.
  /** Input events that were dispatched by script (`isTrusted` false). */
  UntrustedEvents: 'untrusted_events',
  /** Clicks that arrive with no pointer movement towards the target. */
  ClickWithoutApproach: 'click_without_approach',
  /** Clicks that land at the exact centre of their target. */
  ClickAtTargetCentre: 'click_at_target_centre',
  /** Pointer paths that are straight lines between endpoints. */
  PointerPathStraight: 'pointer_path_straight',
  /** Pointer samples at machine-regular intervals or evenly spaced along the path. */
  PointerTimingRegular: 'pointer_timing_regular',
  /** Pointer speed without the acceleration and deceleration of a hand movement. */
  PointerSpeedConstant: 'pointer_speed_constant',
  /** Pointer paths with sideways noise on every point, as scripts lay on a replayed or computed trace. */
  PointerPathJitter: 'pointer_path_jitter',
  /** Pointer move events that repeat the previous position: a mouse reports only changes, so software sent them. */
  PointerMovesStationary: 'pointer_moves_stationary',
  /** Pointer speed, direction and sampling profiles that the trained pointer model scores as generated by software. */
  PointerProfileScripted: 'pointer_profile_scripted',
  /** Keystroke intervals too regular for a person. */
  KeyIntervalRegular: 'key_interval_regular',
  /** Keys released almost at once after being pressed, every time. */
  KeyHoldMechanical: 'key_hold_mechanical',
  /** Text entered in fields with no key events and no paste (scripted value setting). */
  InputWithoutKeys: 'input_without_keys',
  /** The latest activity departs from what this session did before: someone or something else is driving it. */
  SessionShift: 'session_shift',
  /** The latest activity departs from the signed-in identity's own baseline, built from its earlier human sessions. */
  IdentityDeviation: 'identity_deviation',

  // Evidence for a person.
  /** Pointer movement with the curvature, speed profile and irregular timing of a hand. */
  PointerDynamicsHuman: 'pointer_dynamics_human',
  /** Keystroke hold and flight times with the spread of a person typing. */
  TypingRhythmHuman: 'typing_rhythm_human',

  // Too little evidence.
  /** No interaction has been recorded yet. */
  NoInteraction: 'no_interaction',
} as const;

export type Reason = (typeof Reason)[keyof typeof Reason];

export const REASONS: readonly Reason[] = Object.values(Reason);

/**
 * One piece of evidence behind a decision: the reason code, the feature it rests on,
 * the measured value, the threshold it was compared with, and its signed contribution
 * to the automation score (positive means automation, negative means a person).
 */
export interface Evidence {
  code: Reason;
  feature: string;
  value: number | string | boolean;
  threshold?: number | string;
  weight: number;
}
