import { randomUUID } from 'node:crypto';

import type { AgentRegistration } from '@telltale/verify';
import { desc, eq } from 'drizzle-orm';

import type { Db } from './open_database';
import { agentIdentities, agents } from './schema';

/** A rate limit of a registered agent: at most `requests` per `windowSeconds`. */
export interface AgentRateLimit {
  requests: number;
  windowSeconds: number;
}

/** A registered agent as the admin API shows it. */
export interface RegisteredAgent extends AgentRegistration {
  operator: string | null;
  rateLimit: AgentRateLimit | null;
  createdAt: number;
}

/** Fields an operator sets when registering an agent. */
export interface AgentInput {
  name: string;
  operator?: string | null;
  signatureAgent: string;
  keyThumbprints?: string[];
  scopes?: string[];
  rateLimit?: AgentRateLimit | null;
}

/**
 * Inserts an agent, or replaces the registration with the same `signatureAgent` (keeping
 * its id), and returns the stored agent.
 */
export function upsertAgent(db: Db, input: AgentInput, now: number): RegisteredAgent {
  return db.transaction((tx) => {
    const existing = tx.select({ id: agents.id, createdAt: agents.createdAt }).from(agents).where(eq(agents.signatureAgent, input.signatureAgent)).get();
    const id = existing?.id ?? randomUUID();
    const createdAt = existing?.createdAt ?? now;
    const row = {
      id,
      name: input.name,
      signatureAgent: input.signatureAgent,
      scopes: JSON.stringify(input.scopes ?? []),
      rateLimit: input.rateLimit ? JSON.stringify(input.rateLimit) : null,
      createdAt,
    };
    const identity = { agentId: id, operator: input.operator ?? null, keyThumbprints: JSON.stringify(input.keyThumbprints ?? []) };

    tx.insert(agents).values(row).onConflictDoUpdate({ target: agents.id, set: row }).run();
    tx.insert(agentIdentities).values(identity).onConflictDoUpdate({ target: agentIdentities.agentId, set: identity }).run();
    return toRegisteredAgent(row, identity);
  });
}

/** Returns every registered agent, newest first. */
export function listAgents(db: Db): RegisteredAgent[] {
  return db
    .select()
    .from(agents)
    .leftJoin(agentIdentities, eq(agentIdentities.agentId, agents.id))
    .orderBy(desc(agents.createdAt), agents.id)
    .all()
    .map((row) => toRegisteredAgent(row.agents, row.agent_identities));
}

/** Returns the agent whose key directory origin is `signatureAgent`, or null. */
export function findAgentBySignatureAgent(db: Db, signatureAgent: string): RegisteredAgent | null {
  const row = db
    .select()
    .from(agents)
    .leftJoin(agentIdentities, eq(agentIdentities.agentId, agents.id))
    .where(eq(agents.signatureAgent, signatureAgent))
    .get();
  return row === undefined ? null : toRegisteredAgent(row.agents, row.agent_identities);
}

/** Deletes an agent and its identity row; returns false when no agent has this id. */
export function deleteAgent(db: Db, id: string): boolean {
  return db.transaction((tx) => {
    tx.delete(agentIdentities).where(eq(agentIdentities.agentId, id)).run();
    return tx.delete(agents).where(eq(agents.id, id)).run().changes > 0;
  });
}

function toRegisteredAgent(
  row: typeof agents.$inferSelect,
  identity: typeof agentIdentities.$inferSelect | null,
): RegisteredAgent {
  return {
    id: row.id,
    name: row.name,
    operator: identity?.operator ?? null,
    signatureAgent: row.signatureAgent,
    keyThumbprints: identity === null ? [] : (JSON.parse(identity.keyThumbprints) as string[]),
    scopes: JSON.parse(row.scopes) as string[],
    rateLimit: row.rateLimit === null ? null : (JSON.parse(row.rateLimit) as AgentRateLimit),
    createdAt: row.createdAt,
  };
}
