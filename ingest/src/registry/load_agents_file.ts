import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { agentInputSchema, type AgentInputData } from './agent_input_schema';

const agentsFileSchema = z.strictObject({ agents: z.array(agentInputSchema) });

/**
 * Reads the agents file: JSON of the form `{ "agents": [ { "name", "signatureAgent", … } ] }`
 * with the fields of `POST /v1/agents`. Throws an Error that names the file and the invalid
 * field (`agents.0.signatureAgent: …`), so a bad file stops the service at start.
 */
export function loadAgentsFile(path: string): AgentInputData[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Agents file ${path} could not be read: ${(error as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new Error(`Agents file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = agentsFileSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Agents file ${path} is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  parsed.data.agents.forEach((agent, index) => {
    if (seen.has(agent.signatureAgent)) {
      throw new Error(`Agents file ${path} is invalid at agents.${index}.signatureAgent: ${agent.signatureAgent} is registered twice.`);
    }
    seen.add(agent.signatureAgent);
  });
  return parsed.data.agents;
}
