import { z } from 'zod';

/** An RFC 7638 SHA-256 JWK thumbprint: 43 base64url characters. */
const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

/**
 * Schema of one agent registration, shared by `POST /v1/agents` and the agents file
 * (`TELLTALE_AGENTS_FILE`). `signatureAgent` is the origin of the agent's key directory, as
 * the agent sends it in `Signature-Agent`. Paths are dropped, so `https://agent.example/`
 * and `https://agent.example` register the same agent.
 */
export const agentInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  operator: z.string().trim().min(1).max(200).nullable().optional(),
  signatureAgent: z
    .string()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an absolute http or https URL')
    .transform((value) => new URL(value).origin),
  keyThumbprints: z.array(z.string().regex(THUMBPRINT, 'must be a base64url SHA-256 JWK thumbprint (43 characters)')).max(20).optional(),
  scopes: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  rateLimit: z
    .strictObject({
      requests: z.number().int().min(1).max(1_000_000),
      windowSeconds: z.number().int().min(1).max(86_400),
    })
    .nullable()
    .optional(),
});

export type AgentInputData = z.infer<typeof agentInputSchema>;

/** Returns "field.path: message" for the first problem of a failed parse, for error messages that name the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
