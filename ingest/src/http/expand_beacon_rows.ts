import { expandEventRows } from '@telltale/shared/event_rows';
import { eventRowsSchema, formatIssuePath } from '@telltale/shared/schema';

import { ApiError } from './api_error';

/**
 * Replaces the `rows` and `strings` of a row-encoded beacon body by the `events` they encode, so
 * that `beaconSchema` validates an ordinary beacon. Returns whether the body was row-encoded.
 * Bodies without `rows` are left unchanged.
 *
 * @throws ApiError `invalid_payload` when the body has both `events` and `rows`, or malformed rows.
 */
export function expandBeaconRows(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('rows' in body)) return false;
  const beacon = body as Record<string, unknown>;
  if ('events' in beacon) {
    throw new ApiError('invalid_payload', 'Beacon has both events and rows; send one of them.');
  }

  const parsed = eventRowsSchema.safeParse(beacon);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError('invalid_payload', `Beacon field ${formatIssuePath(issue.path)} is invalid: ${issue.message}.`);
  }
  beacon.events = expandEventRows(parsed.data.rows, parsed.data.strings ?? []);
  delete beacon.rows;
  delete beacon.strings;
  return true;
}
