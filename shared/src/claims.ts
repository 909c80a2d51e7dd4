import type { SessionClass } from './classes';
import type { Reason } from './reasons';

/** Claims of a session tag (a compact JWS signed with EdDSA). */
export interface TagClaims {
  /** Issuer: the ingest service's public origin. */
  iss: string;
  /** Session id. */
  sub: string;
  /** Site key the tag was issued for. */
  aud: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch; at most 15 minutes after `iat`. */
  exp: number;
  /** Claims version. */
  v: number;
  cls: SessionClass;
  agent_driven: boolean;
  /** Automation framework when recognisable (`playwright`, `selenium`, `curl`, …), else null. */
  fw: string | null;
  /** Probability-like automation score in [0, 1]. */
  score: number;
  /** Reason codes, most important first. */
  reasons: Reason[];
}

/** Response body of `POST /v1/collect`. */
export interface CollectResponse {
  tag: string;
  class: SessionClass;
  /** Tag expiry as an ISO 8601 timestamp. */
  expiresAt: string;
}
