import { AGENT_DRIVEN_LABEL, isAgentDriven, type SessionClass } from '@telltale/shared';

/** Label of an audit record: `Agent-Driven` for automation, `Human` for people, `Unknown` otherwise. */
export function auditLabel(cls: SessionClass): string {
  if (isAgentDriven(cls)) return AGENT_DRIVEN_LABEL;
  return cls === 'human' ? 'Human' : 'Unknown';
}
