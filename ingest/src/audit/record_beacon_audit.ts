import { isAgentDriven, type SessionClass } from '@telltale/shared';

import type { Decision } from '../classify/types';
import { appendAuditRecords } from '../store/audit_records';
import type { Db } from '../store/open_database';

/** Facts about one accepted beacon that `recordBeaconAudit` records. */
export interface BeaconAuditFacts {
  at: number;
  siteId: string;
  sessionId: string;
  identityHash: string | null;
  decision: Decision;
  classChanged: boolean;
  tagSigned: boolean;
  clientNetwork: string | null;
  userAgent: string | null;
}

/**
 * Appends the audit record for an accepted beacon: `class_changed` when the session's
 * class changed (the tag issued with it included), else `tag_issued` when a new tag was
 * signed for automation. Beacons that change nothing and renewals of tags for people
 * write no record. Returns whether a record was written.
 */
export function recordBeaconAudit(db: Db, facts: BeaconAuditFacts): boolean {
  const cls: SessionClass = facts.decision.cls;
  const kind = facts.classChanged ? 'class_changed' : facts.tagSigned && isAgentDriven(cls) ? 'tag_issued' : null;
  if (kind === null) return false;

  appendAuditRecords(db, [
    {
      at: facts.at,
      kind,
      siteId: facts.siteId,
      sessionId: facts.sessionId,
      identityHash: facts.identityHash,
      class: cls,
      framework: facts.decision.framework,
      score: facts.decision.score,
      reasons: facts.decision.reasons,
      clientNetwork: facts.clientNetwork,
      userAgent: facts.userAgent,
      route: 'POST /v1/collect',
      source: 'ingest',
    },
  ]);
  return true;
}
