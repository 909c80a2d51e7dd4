import { errors } from 'jose';

import { TagVerificationError } from './tag_verification_error';

const RESEND_HINT = 'Send the tag exactly as the Telltale SDK returned it.';

/**
 * Converts an error thrown while verifying a tag into a `TagVerificationError` with the
 * matching code. Errors unrelated to the tag (invalid options, bugs) are returned unchanged,
 * so that they surface as they are.
 */
export function mapJoseError(error: unknown): unknown {
  if (error instanceof TagVerificationError) return error;

  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TagVerificationError(
      'tag_bad_signature',
      'Tag signature is invalid: the tag was altered or was not signed with the key its `kid` names. ' +
        RESEND_HINT,
      { cause: error },
    );
  }

  if (error instanceof errors.JWTExpired) {
    return new TagVerificationError(
      'tag_expired',
      'Tag has expired. Get a fresh tag from `window.telltale.getTag()` in the page and retry.',
      { cause: error },
    );
  }

  if (error instanceof errors.JWTClaimValidationFailed) {
    return mapClaimValidationError(error);
  }

  if (error instanceof errors.JWKSNoMatchingKey) {
    return new TagVerificationError(
      'tag_unknown_key',
      'Tag is signed with a key that is not in the key set. Check that `jwks` or `jwksUrl` is the key set of ' +
        'the ingest service that issued the tag.',
      { cause: error },
    );
  }

  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return new TagVerificationError(
      'tag_unknown_key',
      "Several keys in the key set match the tag's `kid`. Give every key in the key set a distinct `kid`.",
      { cause: error },
    );
  }

  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new TagVerificationError(
      'tag_malformed',
      'Tag is not signed with EdDSA, the only algorithm Telltale tags use. ' + RESEND_HINT,
      { cause: error },
    );
  }

  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return new TagVerificationError('tag_malformed', 'Tag is not a valid compact JWS. ' + RESEND_HINT, {
      cause: error,
    });
  }

  return error;
}

function mapClaimValidationError(error: InstanceType<typeof errors.JWTClaimValidationFailed>): TagVerificationError {
  if (error.claim === 'aud' && error.reason === 'check_failed') {
    return new TagVerificationError(
      'tag_wrong_audience',
      "Tag was issued for a site key that this backend does not accept. Check that the page's `data-site` " +
        'is listed in the `audience` option.',
      { cause: error },
    );
  }

  if (error.claim === 'iss' && error.reason === 'check_failed') {
    return new TagVerificationError(
      'tag_malformed',
      'Tag was issued by another ingest service than the `issuer` option names. Check the `issuer` option.',
      { cause: error },
    );
  }

  return new TagVerificationError(
    'tag_malformed',
    `Tag claim \`${error.claim}\` is ${error.reason === 'missing' ? 'missing' : 'invalid'}. ` +
      'Request a new tag from the ingest service.',
    { cause: error },
  );
}
