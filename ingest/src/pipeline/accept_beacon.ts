import { TAG_RENEW_BEFORE_EXPIRY_SECONDS, isAgentDriven, type Beacon, type CollectResponse, type SessionClass } from '@telltale/shared';

import { recordBeaconAudit } from '../audit/record_beacon_audit';
import { evaluateBeacon, type SessionState } from '../classify/evaluate_beacon';
import { foldIntoIdentityBaseline, isIdentityBaselineWindow } from '../classify/identity_deviation';
import type { Decision, RequestFacts } from '../classify/types';
import { hashIdentity } from '../identity/identity_key';
import type { TagSigner } from '../sign/tag_signer';
import { loadIdentityBaseline, saveIdentityBaseline } from '../store/identity_baselines';
import type { Db } from '../store/open_database';
import { findSession, saveBeacon } from '../store/sessions';

export interface AcceptDependencies {
  db: Db;
  signer: TagSigner;
  /** Secret key of the HMAC that replaces each identity a page names (see `loadOrCreateIdentityKey`). */
  identityKey: Uint8Array;
}

export interface AcceptContext {
  request: RequestFacts;
  clientNetwork: string | null;
}

export type AcceptResult =
  | { status: 'accepted'; response: CollectResponse; decision: Decision; classChanged: boolean; tagSigned: boolean }
  | { status: 'replayed'; lastSeq: number }
  | { status: 'wrong_site' };

/**
 * Runs one validated beacon through the decision path: checks its sequence number,
 * extracts features and classifies (pure), signs a new tag when the class changed or the
 * current tag nears expiry, and stores everything in one transaction.
 *
 * An identity named in the beacon is replaced here by its keyed hash, and only the hash is
 * stored. The session keeps the last identity hash it was given, and a window of a
 * confidently human session joins that identity's baseline.
 */
export async function acceptBeacon(deps: AcceptDependencies, beacon: Beacon, context: AcceptContext): Promise<AcceptResult> {
  const now = context.request.receivedAt;
  const existing = findSession(deps.db, beacon.sid);
  if (existing && existing.siteId !== beacon.site) return { status: 'wrong_site' };
  if (existing && existing.lastSeq >= beacon.seq) return { status: 'replayed', lastSeq: existing.lastSeq };

  const identityHash =
    beacon.identity !== undefined ? hashIdentity(deps.identityKey, beacon.site, beacon.identity) : (existing?.identityHash ?? null);
  const identityBaseline = identityHash === null ? null : loadIdentityBaseline(deps.db, identityHash);

  const previousState = existing ? (JSON.parse(existing.state) as SessionState) : null;
  const { state, decision, features } = evaluateBeacon(
    previousState,
    { seq: beacon.seq, page: beacon.page, path: beacon.path, env: beacon.env, events: beacon.events },
    context.request,
    identityBaseline,
  );

  // Signing costs about as much as the insert. So a tag is re-signed only when its class
  // changes or it nears expiry, and other beacons get the current tag back.
  const renewAt = existing ? existing.tagExpiresAt - TAG_RENEW_BEFORE_EXPIRY_SECONDS * 1000 : 0;
  const reuseTag = existing !== undefined && existing.tagClass === decision.cls && now < renewAt;
  const signed = reuseTag
    ? { tag: existing.tag, expiresAt: existing.tagExpiresAt }
    : await deps.signer.sign(
        { sessionId: beacon.sid, siteId: beacon.site, cls: decision.cls, framework: decision.framework, score: decision.score, reasons: decision.reasons },
        now,
      );

  const agentDriven = isAgentDriven(decision.cls);
  const reasons = JSON.stringify(decision.reasons);
  const evidence = JSON.stringify(decision.evidence);
  const baseline = (state as { baseline?: unknown }).baseline ?? null;

  const classChanged = existing?.class !== decision.cls;

  // The beacon's rows and its audit record are written in one transaction, so a crash
  // cannot store a class change without its audit record.
  const saved = deps.db.transaction(() => {
    const stored = saveBeacon(deps.db, {
      previousClass: (existing?.class as SessionClass | undefined) ?? null,
      session: {
        id: beacon.sid,
        siteId: beacon.site,
        class: decision.cls,
        agentDriven,
        framework: decision.framework,
        score: decision.score,
        reasons,
        evidence,
        firstSeen: existing?.firstSeen ?? now,
        lastSeen: now,
        lastSeq: beacon.seq,
        beaconCount: (existing?.beaconCount ?? 0) + 1,
        eventCount: (existing?.eventCount ?? 0) + beacon.events.length,
        userAgent: truncate(context.request.userAgent, 512),
        clientNetwork: context.clientNetwork,
        identityHash,
        state: JSON.stringify(state),
        tag: signed.tag,
        tagClass: decision.cls,
        tagExpiresAt: signed.expiresAt,
      },
      beacon: {
        sessionId: beacon.sid,
        seq: beacon.seq,
        page: beacon.page,
        path: beacon.path,
        receivedAt: now,
        eventCount: beacon.events.length,
        events: JSON.stringify(beacon.events),
        env: beacon.env ? JSON.stringify(beacon.env) : null,
      },
      window: {
        sessionId: beacon.sid,
        seq: beacon.seq,
        computedAt: now,
        features: JSON.stringify(features),
        class: decision.cls,
        score: decision.score,
      },
      baseline,
    });
    if (!stored) return false;

    if (identityHash !== null && isIdentityBaselineWindow(decision, features)) {
      // Read again inside the transaction, so concurrent beacons of one identity each fold in.
      const current = loadIdentityBaseline(deps.db, identityHash);
      saveIdentityBaseline(deps.db, identityHash, foldIntoIdentityBaseline(current, features), now);
    }

    recordBeaconAudit(deps.db, {
      at: now,
      siteId: beacon.site,
      sessionId: beacon.sid,
      identityHash,
      decision,
      classChanged,
      tagSigned: !reuseTag,
      clientNetwork: context.clientNetwork,
      userAgent: truncate(context.request.userAgent, 512),
    });
    return true;
  });

  // Another request for the same session stored this or a later sequence number while
  // this one was signing.
  if (!saved) return { status: 'replayed', lastSeq: findSession(deps.db, beacon.sid)?.lastSeq ?? beacon.seq };

  return {
    status: 'accepted',
    response: { tag: signed.tag, class: decision.cls, expiresAt: new Date(signed.expiresAt).toISOString() },
    decision,
    classChanged,
    tagSigned: !reuseTag,
  };
}

function truncate(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}
