import { isInnerList, parseDictionary, serializeItem, serializeInnerList, serializeParameters } from 'structured-headers';

import type { CoveredComponent } from './parse_signature_headers';

/** The parts of a request that a signature base is built from. */
export interface SignedRequest {
  method: string;
  /** Absolute URL of the request as the server received it. */
  url: string;
  headers: Headers;
}

/**
 * Builds the signature base of RFC 9421 section 2.5 for a request, or throws an Error that
 * names the component that could not be resolved.
 *
 * Supported: the derived components `@method`, `@target-uri`, `@authority`, `@scheme`,
 * `@request-target`, `@path` and `@query`, and header fields, with the `key` parameter
 * for a dictionary member and `sf` for a re-serialized structured field. The `req`, `bs`
 * and `tr` parameters and `@query-param` are rejected, because they do not apply to a
 * request signed by an agent.
 */
export function buildSignatureBase(request: SignedRequest, components: readonly CoveredComponent[], signatureParams: string): string {
  const url = new URL(request.url);
  const lines: string[] = [];
  const seen = new Set<string>();

  for (const component of components) {
    const identifier = serializeItem(component.name, component.parameters as Map<string, never>);
    if (seen.has(identifier)) throw new Error(`Component ${identifier} is covered twice.`);
    seen.add(identifier);

    for (const parameter of component.parameters.keys()) {
      if (parameter !== 'key' && parameter !== 'sf') throw new Error(`Component parameter "${parameter}" is not supported.`);
    }
    const value = component.name.startsWith('@') ? derivedValue(component.name, request, url) : fieldValue(component, request.headers);
    lines.push(`${identifier}: ${value}`);
  }
  lines.push(`"@signature-params": ${signatureParams}`);
  return lines.join('\n');
}

function derivedValue(name: string, request: SignedRequest, url: URL): string {
  switch (name) {
    case '@method':
      return request.method.toUpperCase();
    case '@target-uri':
      return url.href;
    case '@authority':
      // URL drops the scheme's default port, as RFC 9421 section 2.2.3 requires.
      return url.host.toLowerCase();
    case '@scheme':
      return url.protocol.slice(0, -1).toLowerCase();
    case '@request-target':
      return `${url.pathname}${url.search}`;
    case '@path':
      return url.pathname;
    case '@query':
      return url.search === '' ? '?' : url.search;
    default:
      throw new Error(`Derived component ${name} is not supported.`);
  }
}

function fieldValue(component: CoveredComponent, headers: Headers): string {
  const raw = headers.get(component.name);
  if (raw === null) throw new Error(`Covered header "${component.name}" is missing from the request.`);
  const value = raw.trim();

  const key = component.parameters.get('key');
  if (typeof key === 'string') {
    const member = parseDictionary(value).get(key);
    if (member === undefined) throw new Error(`Header "${component.name}" has no dictionary member "${key}".`);
    return isInnerList(member) ? serializeInnerList(member) : serializeItem(member);
  }
  if (component.parameters.get('sf') === true) {
    const dictionary = parseDictionary(value);
    return [...dictionary].map(([name, member]) => serializeMember(name, member)).join(', ');
  }
  return value;
}

function serializeMember(name: string, member: ReturnType<typeof parseDictionary> extends Map<string, infer V> ? V : never): string {
  if (isInnerList(member)) return `${name}=${serializeInnerList(member)}`;
  if (member[0] === true) return `${name}${serializeParameters(member[1])}`;
  return `${name}=${serializeItem(member)}`;
}
