/**
 * Session classes carried in the tag's `cls` claim.
 *
 * A const object rather than a TS `enum`, so the SDK bundle gets plain strings and
 * tree-shaking keeps only what is used.
 */
export const SessionClass = {
  /** Behaviour and environment of a person. */
  Human: 'human',
  /** Automation whose identity is proven and which acts within its registration. */
  AuthorizedAgent: 'authorized_agent',
  /** Automation that declares itself but proves no registered identity. */
  UnverifiedAgent: 'unverified_agent',
  /** Automation that hides itself or acts outside what it was authorized for. */
  RogueBot: 'rogue_bot',
  /** Not enough evidence yet, for example a page load with no interaction. */
  Unknown: 'unknown',
} as const;

export type SessionClass = (typeof SessionClass)[keyof typeof SessionClass];

export const SESSION_CLASSES: readonly SessionClass[] = Object.values(SessionClass);

/** Returns whether a class means that a program, not a person, drives the session. */
export function isAgentDriven(cls: SessionClass): boolean {
  return cls === 'authorized_agent' || cls === 'unverified_agent' || cls === 'rogue_bot';
}

/** Label written next to automation in audit records and logs. */
export const AGENT_DRIVEN_LABEL = 'Agent-Driven';
