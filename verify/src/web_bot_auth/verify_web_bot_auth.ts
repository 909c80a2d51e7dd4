import { buildSignatureBase, type SignedRequest } from './build_signature_base';
import { KeyDirectory, type KeyDirectoryOptions } from './key_directory';
import { NonceStore } from './nonce_store';
import { parseSignatureHeaders, type ParsedSignature } from './parse_signature_headers';

/** Reason a Web Bot Auth signature was not accepted. */
export type SignatureFailure =
  | 'signature_invalid'
  | 'signature_expired'
  | 'signature_replayed'
  | 'signature_key_unknown'
  | 'key_directory_unavailable';

/** The identity a valid signature proves. */
export interface ProvenIdentity {
  /** Origin of the agent's key directory, from `Signature-Agent`. */
  signatureAgent: string;
  /** RFC 7638 SHA-256 thumbprint of the signing key (the signature's `keyid`). */
  keyThumbprint: string;
}

export type WebBotAuthResult =
  | { status: 'absent' }
  | { status: 'verified'; identity: ProvenIdentity }
  | { status: 'failed'; reason: SignatureFailure; message: string; signatureAgent: string | null };

export interface WebBotAuthOptions extends KeyDirectoryOptions {
  /** Clock skew allowed on `created` and `expires`, in ms. Default 60 000. */
  clockSkewMs?: number;
  /** Longest accepted span from `created` to `expires`, in ms. Default one day. */
  maxValidityMs?: number;
}

export interface WebBotAuthVerifier {
  /** Checks the request's Web Bot Auth signature. A bad signature resolves to `failed` with a reason. */
  verify(request: SignedRequest): Promise<WebBotAuthResult>;
}

const DEFAULT_CLOCK_SKEW_MS = 60 * 1000;
// NOTE: the draft sets no maximum validity; one day bounds how long nonces must be kept.
const DEFAULT_MAX_VALIDITY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a verifier of HTTP message signatures (RFC 9421) as Web Bot Auth profiles them
 * (draft-meunier-web-bot-auth-architecture). The signature tagged `web-bot-auth` must have
 * `created`, `expires` and a `keyid` that is the JWK thumbprint of an Ed25519 key in the
 * agent's key directory. It must cover `@authority` or `@target-uri`, and also
 * `signature-agent` when that header is sent. A nonce is accepted once within its
 * signature's validity window; signatures without a nonce have no replay check.
 */
export function createWebBotAuthVerifier(options: WebBotAuthOptions = {}): WebBotAuthVerifier {
  const now = options.now ?? Date.now;
  const clockSkewMs = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const maxValidityMs = options.maxValidityMs ?? DEFAULT_MAX_VALIDITY_MS;
  const directory = new KeyDirectory(options);
  const nonces = new NonceStore();

  return {
    async verify(request) {
      const parsed = parseSignatureHeaders(request.headers);
      if (parsed.status === 'absent') return { status: 'absent' };
      if (parsed.status === 'malformed') return failed('signature_invalid', parsed.message, null);
      const signature = parsed.signature;
      const agent = signature.signatureAgent;

      const profileError = checkProfile(signature);
      if (profileError !== null) return failed('signature_invalid', profileError, agent);
      if (agent === null) {
        return failed('signature_key_unknown', 'The signature has no Signature-Agent header, so its key directory is unknown.', null);
      }

      const current = now();
      const createdMs = signature.created! * 1000;
      const expiresMs = signature.expires! * 1000;
      if (expiresMs <= createdMs || expiresMs - createdMs > maxValidityMs) {
        return failed('signature_invalid', `The validity window from created to expires must be positive and at most ${maxValidityMs / 1000} s.`, agent);
      }
      if (createdMs > current + clockSkewMs) return failed('signature_expired', 'The signature was created in the future.', agent);
      if (expiresMs < current - clockSkewMs) return failed('signature_expired', 'The signature has expired.', agent);

      let directoryUrl: string;
      try {
        directoryUrl = directory.directoryUrl(agent);
      } catch (error) {
        return failed('signature_invalid', (error as Error).message, agent);
      }
      const lookup = await directory.lookup(directoryUrl, signature.keyid!);
      if (lookup.status === 'unavailable') return failed('key_directory_unavailable', lookup.message, agent);
      if (lookup.status === 'not_found') {
        return failed('signature_key_unknown', `Key ${signature.keyid} is not in the key directory ${directoryUrl}.`, agent);
      }

      let base: string;
      try {
        base = buildSignatureBase(request, signature.components, signature.signatureParams);
      } catch (error) {
        return failed('signature_invalid', (error as Error).message, agent);
      }
      const valid = await crypto.subtle.verify(
        { name: 'Ed25519' },
        lookup.key.publicKey,
        signature.signature,
        new TextEncoder().encode(base),
      );
      if (!valid) return failed('signature_invalid', 'The signature does not match the request.', agent);

      // Recorded only after the signature verifies, so forged requests cannot use up an agent's nonces.
      if (signature.nonce !== null && !nonces.add(`${directoryUrl} ${signature.keyid} ${signature.nonce}`, expiresMs + clockSkewMs, current)) {
        return failed('signature_replayed', 'The signature nonce was already used.', agent);
      }
      return { status: 'verified', identity: { signatureAgent: new URL(agent).origin, keyThumbprint: lookup.key.thumbprint } };
    },
  };
}

/** Returns why the signature's parameters and components do not fit the Web Bot Auth profile, or null. */
function checkProfile(signature: ParsedSignature): string | null {
  if (signature.created === null || signature.expires === null) return 'The signature must have integer created and expires parameters.';
  if (signature.keyid === null) return 'The signature has no keyid parameter.';
  if (signature.alg !== null && signature.alg !== 'ed25519') return `Algorithm "${signature.alg}" is not supported; only ed25519 is.`;

  const names = signature.components.map((component) => component.name);
  if (!names.includes('@authority') && !names.includes('@target-uri')) return 'The signature must cover @authority or @target-uri.';
  if (signature.signatureAgent !== null && !names.includes('signature-agent')) {
    return 'The signature must cover the signature-agent header that the request sends.';
  }
  return null;
}

function failed(reason: SignatureFailure, message: string, signatureAgent: string | null): WebBotAuthResult {
  return { status: 'failed', reason, message, signatureAgent };
}
