import { isInnerList, parseDictionary, parseItem, serializeInnerList } from 'structured-headers';

/** The `tag` parameter that marks a signature as Web Bot Auth. */
export const WEB_BOT_AUTH_TAG = 'web-bot-auth';

/** One covered component of a signature: its name and its parameters (`key`, `sf`, `req`, …). */
export interface CoveredComponent {
  name: string;
  parameters: Map<string, unknown>;
}

/** The Web Bot Auth signature of a request, parsed from `Signature-Input`, `Signature` and `Signature-Agent`. */
export interface ParsedSignature {
  /** Dictionary key of the signature in `Signature-Input` and `Signature` (`sig1`). */
  label: string;
  components: CoveredComponent[];
  /** Serialized inner list, the value of the `@signature-params` line of the signature base. */
  signatureParams: string;
  created: number | null;
  expires: number | null;
  keyid: string | null;
  alg: string | null;
  nonce: string | null;
  signature: Uint8Array;
  /** Value of `Signature-Agent` for this signature, without quotes, or null when the header is absent. */
  signatureAgent: string | null;
}

export type ParseOutcome = { status: 'absent' } | { status: 'malformed'; message: string } | { status: 'parsed'; signature: ParsedSignature };

/**
 * Finds the signature tagged `web-bot-auth` among the request's HTTP message signatures
 * (RFC 9421 section 4). Other signatures in the same headers are ignored.
 *
 * `Signature-Agent` is read in the dictionary form (`sig1="https://agent.example"`, the
 * member whose key equals the signature's label) and in the older plain string form
 * (`"https://agent.example"`).
 */
export function parseSignatureHeaders(headers: Headers): ParseOutcome {
  const inputHeader = headers.get('signature-input');
  const signatureHeader = headers.get('signature');
  if (inputHeader === null && signatureHeader === null) return { status: 'absent' };
  if (inputHeader === null || signatureHeader === null) {
    return { status: 'malformed', message: 'Signature and Signature-Input must be sent together.' };
  }

  let inputs;
  let signatures;
  try {
    inputs = parseDictionary(inputHeader);
    signatures = parseDictionary(signatureHeader);
  } catch (error) {
    return { status: 'malformed', message: `Signature headers are not valid structured fields: ${(error as Error).message}` };
  }

  for (const [label, member] of inputs) {
    if (!isInnerList(member)) continue;
    const parameters = member[1];
    if (parameters.get('tag') !== WEB_BOT_AUTH_TAG) continue;

    const signatureMember = signatures.get(label);
    if (signatureMember === undefined || isInnerList(signatureMember) || !(signatureMember[0] instanceof ArrayBuffer)) {
      return { status: 'malformed', message: `Signature has no byte sequence for label "${label}".` };
    }
    const components: CoveredComponent[] = [];
    for (const [name, componentParameters] of member[0]) {
      if (typeof name !== 'string') return { status: 'malformed', message: 'A covered component is not a string.' };
      components.push({ name, parameters: componentParameters });
    }
    const agent = readSignatureAgent(headers.get('signature-agent'), label);
    if (agent.status === 'malformed') return agent;

    return {
      status: 'parsed',
      signature: {
        label,
        components,
        signatureParams: serializeInnerList(member),
        created: integerParameter(parameters.get('created')),
        expires: integerParameter(parameters.get('expires')),
        keyid: stringParameter(parameters.get('keyid')),
        alg: stringParameter(parameters.get('alg')),
        nonce: stringParameter(parameters.get('nonce')),
        signature: new Uint8Array(signatureMember[0]),
        signatureAgent: agent.value,
      },
    };
  }
  return { status: 'absent' };
}

function readSignatureAgent(
  header: string | null,
  label: string,
): { status: 'ok'; value: string | null } | { status: 'malformed'; message: string } {
  if (header === null) return { status: 'ok', value: null };
  try {
    const dictionary = parseDictionary(header);
    const member = dictionary.get(label) ?? (dictionary.size === 1 ? [...dictionary.values()][0] : undefined);
    if (member !== undefined && !isInnerList(member) && typeof member[0] === 'string') return { status: 'ok', value: member[0] };
  } catch {
    // Not a dictionary: try the plain string form below.
  }
  try {
    const item = parseItem(header);
    if (typeof item[0] === 'string') return { status: 'ok', value: item[0] };
  } catch {
    // Not a structured string either.
  }
  return { status: 'malformed', message: `Signature-Agent is neither a dictionary with member "${label}" nor a quoted string.` };
}

function integerParameter(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function stringParameter(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
