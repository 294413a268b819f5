/**
 * "Remember me" cannot survive the portal view (LOCKDOWN.md #15): every `Set-Cookie` the ENT
 * portal sends is rewritten into a session cookie before the browser stores it, so nothing
 * outlives the in-memory partition even if a wipe were skipped. Pure: no electron import, so
 * the Electron shell (`onHeadersReceived`) and any proxy can share it and it is unit-tested.
 *
 * Parsing follows RFC 6265 §5.2, the algorithm browsers use, not the stricter §4.1 grammar:
 * - the name-value pair ends at the first ";" even inside a quoted value (browsers do not
 *   honour quotes there), and is passed through byte for byte;
 * - attribute names are trimmed of spaces and tabs and compared case-insensitively, so
 *   `expires`, ` EXPIRES ` and `Max-age` are all found;
 * - commas are not separators: `Expires=Wed, 21 Oct 2037 07:28:00 GMT` is one attribute. That
 *   is also why several cookies must be given as separate headers (an array), never folded
 *   into one comma-joined string.
 *
 * Deletions stay deletions. A portal logs out by sending `Max-Age=0` or a past `Expires`;
 * stripping those would turn "delete this cookie" into "keep this cookie for the session",
 * leaving the value in the jar. So a header whose effective expiry is in the past (§5.3 step
 * 3: a valid Max-Age wins over Expires, the last valid one of each counts; Max-Age ≤ 0 means
 * "now") loses its expiry attributes and gets a single `Max-Age=0`. Every other header simply
 * loses them. A date we cannot read is dropped like any other expiry: the browser ignores an
 * unreadable date too, so the result is a session cookie either way.
 */
const EXPIRY_ATTRIBUTES = new Set(['expires', 'max-age']);
// RFC 6265 §5.2.2: an optional "-" then digits only; anything else is ignored by browsers.
const MAX_AGE_VALUE = /^-?\d+$/;

interface Attribute {
  /** Lower-cased, trimmed attribute name. */
  name: string;
  /** Trimmed attribute value ('' when there is no "="). */
  value: string;
  /** The attribute as written, trimmed, for output. */
  text: string;
}

export function rewriteSetCookie(header: string, now: number = Date.now()): string {
  const firstSemicolon = header.indexOf(';');
  if (firstSemicolon === -1) return header;
  const nameValue = header.slice(0, firstSemicolon);
  const attributes = header
    .slice(firstSemicolon + 1)
    .split(';')
    .map(parseAttribute)
    .filter((attribute): attribute is Attribute => attribute !== null);
  const kept = attributes.filter((attribute) => !EXPIRY_ATTRIBUTES.has(attribute.name)).map((attribute) => attribute.text);
  if (isDeletion(attributes, now)) kept.push('Max-Age=0');
  return [nameValue, ...kept].join('; ');
}

/** For the headers of one response: each `Set-Cookie` line rewritten on its own. */
export function rewriteSetCookies(headers: readonly string[], now: number = Date.now()): string[] {
  return headers.map((header) => rewriteSetCookie(header, now));
}

function parseAttribute(raw: string): Attribute | null {
  const text = trimWhitespace(raw);
  if (text === '') return null;
  const equals = text.indexOf('=');
  const name = trimWhitespace(equals === -1 ? text : text.slice(0, equals)).toLowerCase();
  const value = equals === -1 ? '' : trimWhitespace(text.slice(equals + 1));
  return { name, value, text };
}

/** Whether the browser would treat this header as removing the cookie (RFC 6265 §5.3 step 3). */
function isDeletion(attributes: readonly Attribute[], now: number): boolean {
  const maxAge = lastValid(attributes, 'max-age', (value) => (MAX_AGE_VALUE.test(value) ? Number(value) : null));
  if (maxAge !== null) return maxAge <= 0;
  const expires = lastValid(attributes, 'expires', (value) => {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : time;
  });
  return expires !== null && expires <= now;
}

function lastValid(attributes: readonly Attribute[], name: string, read: (value: string) => number | null): number | null {
  let found: number | null = null;
  for (const attribute of attributes) {
    if (attribute.name !== name) continue;
    const value = read(attribute.value);
    if (value !== null) found = value;
  }
  return found;
}

// RFC 6265 trims WSP (space and horizontal tab) only, not every Unicode space.
function trimWhitespace(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** One `Set-Cookie` as a cookie jar needs it (the loopback portal proxy's jar). */
export interface ParsedSetCookie {
  name: string;
  value: string;
  /** The Domain attribute, lower-cased, without its leading dot; null: host-only. */
  domain: string | null;
  /** The Path attribute when it starts with "/", else null (the request's directory applies). */
  path: string | null;
  /** The browser would remove the cookie (past Expires, Max-Age ≤ 0). */
  deletion: boolean;
}

/** Null for a header without a name-value pair a browser would keep (§5.2 steps 2-5). */
export function parseSetCookie(header: string, now: number = Date.now()): ParsedSetCookie | null {
  const firstSemicolon = header.indexOf(';');
  const nameValue = firstSemicolon === -1 ? header : header.slice(0, firstSemicolon);
  const equals = nameValue.indexOf('=');
  if (equals === -1) return null;
  const name = trimWhitespace(nameValue.slice(0, equals));
  if (name === '') return null;
  const attributes = (firstSemicolon === -1 ? [] : header.slice(firstSemicolon + 1).split(';'))
    .map(parseAttribute)
    .filter((attribute): attribute is Attribute => attribute !== null);
  const last = (attributeName: string) => attributes.filter((attribute) => attribute.name === attributeName).at(-1)?.value ?? null;
  const domain = last('domain')?.replace(/^\./, '').toLowerCase() || null;
  const path = last('path');
  return {
    name,
    value: trimWhitespace(nameValue.slice(equals + 1)),
    domain,
    path: path?.startsWith('/') ? path : null,
    deletion: isDeletion(attributes, now),
  };
}
