/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { RegisteredAgent } from '../store/agent_registry';
import type { AgentActivityRow, AgentRuleRow } from '../store/console_queries';
import { formatTime } from './class_style';
import { ConsoleLayout } from './console_layout';

/** Everything the agents page shows. */
export interface AgentsPageData {
  agents: RegisteredAgent[];
  activity: AgentActivityRow[];
  rules: AgentRuleRow[];
  /** Start of the period of activity and rules, ms since the epoch. */
  from: number;
}

/** Renders the registered agents, the proven identities seen with their sessions and requests, and the policy rules that fired. */
export function AgentsPage(props: { data: AgentsPageData }) {
  const { agents, activity, rules, from } = props.data;
  const registeredBy = new Map(agents.map((agent) => [agent.id, agent]));
  const bySignatureAgent = new Map(agents.map((agent) => [agent.signatureAgent, agent]));

  return (
    <ConsoleLayout title="Agents" section="agents">
      <h1>Agents</h1>
      <section aria-labelledby="registered-heading">
        <h2 id="registered-heading">Registered agents</h2>
        {agents.length === 0 ? (
          <p class="empty">No agents are registered.</p>
        ) : (
          <div class="table-scroll">
            <table class="agents">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Id</th>
                  <th scope="col">Operator</th>
                  <th scope="col">Key directory</th>
                  <th scope="col">Keys</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Rate limit</th>
                  <th scope="col">Registered</th>
                </tr>
              </thead>
              <tbody>
                {agents.map((agent) => (
                  <tr data-agent={agent.id}>
                    <th scope="row">{agent.name}</th>
                    <td>{agent.id}</td>
                    <td>{agent.operator ?? '—'}</td>
                    <td>{agent.signatureAgent}</td>
                    <td>{agent.keyThumbprints.length === 0 ? 'any key in the directory' : `${agent.keyThumbprints.length} thumbprints`}</td>
                    <td>{agent.scopes.join(', ') || '—'}</td>
                    <td>{agent.rateLimit ? `${agent.rateLimit.requests} per ${agent.rateLimit.windowSeconds} s` : 'class default'}</td>
                    <td>{formatTime(agent.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="seen-heading">
        <h2 id="seen-heading">{`Proven identities seen since ${formatTime(from)}`}</h2>
        {activity.length === 0 ? (
          <p class="empty">No audit record names a proven agent identity in this period.</p>
        ) : (
          <div class="table-scroll">
            <table class="agent-activity">
              <thead>
                <tr>
                  <th scope="col">Identity</th>
                  <th scope="col">Registered as</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">Audit records</th>
                  <th scope="col">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {activity.map((row) => {
                  const agent = registeredBy.get(row.agentId) ?? bySignatureAgent.get(row.agentId);
                  return (
                    <tr data-agent-id={row.agentId}>
                      <th scope="row">{row.agentId}</th>
                      <td>{agent ? agent.name : 'not registered'}</td>
                      <td>{row.sessions}</td>
                      <td>{row.requests}</td>
                      <td>{formatTime(row.lastSeen)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Policy rules that fired</h2>
        {rules.length === 0 ? (
          <p class="empty">No enforcement record for a proven agent names a rule in this period.</p>
        ) : (
          <div class="table-scroll">
            <table class="agent-rules">
              <thead>
                <tr>
                  <th scope="col">Identity</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Count</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((row) => (
                  <tr>
                    <th scope="row">{row.agentId}</th>
                    <td>{row.rule}</td>
                    <td>{row.outcome ?? '—'}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ConsoleLayout>
  );
}
