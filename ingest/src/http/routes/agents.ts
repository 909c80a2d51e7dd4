import { Hono } from 'hono';

import { agentInputSchema, describeIssue } from '../../registry/agent_input_schema';
import { deleteAgent, listAgents, upsertAgent, type RegisteredAgent } from '../../store/agent_registry';
import { ApiError } from '../api_error';
import { requireAdminToken } from '../admin_auth';
import type { AppDependencies, AppEnv } from '../app_env';
import { readJsonBody } from '../read_json_body';

/** Admin routes of the agent registry: `GET /v1/agents`, `POST /v1/agents`, `DELETE /v1/agents/:id`. */
export function agentRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  app.use('/v1/agents', requireAdminToken(deps.adminToken));
  app.use('/v1/agents/*', requireAdminToken(deps.adminToken));

  app.get('/v1/agents', (c) => c.json({ agents: listAgents(deps.db).map(toAgentView) }));

  app.post('/v1/agents', async (c) => {
    const body = await readJsonBody(c.req.raw, 16 * 1024);
    const parsed = agentInputSchema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError('invalid_payload', `Agent is invalid at ${describeIssue(parsed.error)}; send at least { "name", "signatureAgent" }.`);
    }
    const agent = upsertAgent(deps.db, parsed.data, deps.now());
    c.get('log').info({ event: 'agent_registered', agentId: agent.id, signatureAgent: agent.signatureAgent });
    return c.json(toAgentView(agent), 201);
  });

  app.delete('/v1/agents/:id', (c) => {
    const id = c.req.param('id');
    if (!deleteAgent(deps.db, id)) throw new ApiError('not_found', 'No agent has this id; list agents with GET /v1/agents.');
    c.get('log').info({ event: 'agent_deleted', agentId: id });
    return c.body(null, 204);
  });

  return app;
}

function toAgentView(agent: RegisteredAgent) {
  return { ...agent, createdAt: new Date(agent.createdAt).toISOString() };
}
