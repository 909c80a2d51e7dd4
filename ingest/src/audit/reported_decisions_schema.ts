import { z } from 'zod';
import { SESSION_CLASSES, type SessionClass } from '@telltale/shared';

/** Maximum number of decisions in one `POST /v1/audit/events` batch. */
export const MAX_REPORTED_DECISIONS = 500;

/** Maximum body size of one `POST /v1/audit/events` batch, in bytes. */
export const MAX_REPORT_BYTES = 512 * 1024;

const optionalText = (max: number) => z.string().max(max).nullable().optional();

/**
 * One enforcement decision as a backend reports it (the shape `@telltale/verify`'s audit
 * reporter sends). `at` is milliseconds since the epoch. Unknown keys are stripped.
 */
export const reportedDecisionSchema = z.object({
  at: z.number().int().min(0).max(8.64e15),
  class: z.enum(SESSION_CLASSES as [SessionClass, ...SessionClass[]]),
  outcome: z.enum(['allowed', 'rate_limited', 'forbidden', 'blocked', 'unavailable']),
  route: z.string().min(1).max(512),
  rule: optionalText(128),
  siteId: optionalText(128),
  sessionId: optionalText(128),
  framework: optionalText(64),
  agentId: optionalText(512),
  score: z.number().min(0).max(1).nullable().optional(),
  reasons: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/)).max(32).default([]),
  /** A client address or network; the service keeps only its /24 or /48 network. */
  clientNetwork: optionalText(64),
  userAgent: optionalText(512),
});

/** Body of `POST /v1/audit/events`. */
export const reportedDecisionsSchema = z.object({
  /** Name of the reporting backend, stored as the records' `source`. */
  source: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
  decisions: z.array(reportedDecisionSchema).min(1).max(MAX_REPORTED_DECISIONS),
});

export type ReportedDecision = z.infer<typeof reportedDecisionSchema>;
