/**
 * What the loopback portal proxy changes on the way (pure, unit-tested): each upstream origin of
 * the profile is served from one loopback port of its own, so absolute paths need no rewriting;
 * only absolute URLs naming an upstream origin are turned into the local one (and back in the
 * `Origin` and `Referer` headers). Headers that would keep the page out of the kiosk's frame, or
 * hand the browser a cookie, are dropped: cookies live in the proxy's jar (portal-jar.ts).
 */
export interface OriginPair {
  upstream: string;
  local: string;
}

export const GUARD_PATH = '/__sesame/portal-guard.js';
const GUARD_TAG = `<script src="${GUARD_PATH}"></script>`;

/** Bodies that may carry absolute URLs of the portal, rewritten as text. */
export function isRewritable(contentType: string | null): boolean {
  return contentType !== null && /^(text\/(html|css|javascript)|application\/(javascript|json|xhtml\+xml))\b/i.test(contentType);
}

/** Every upstream origin named in `text`, plain or JSON-escaped (`https:\/\/host`), made local. */
export function localiseText(text: string, pairs: readonly OriginPair[]): string {
  let result = text;
  for (const pair of pairs) {
    result = result.split(pair.upstream).join(pair.local);
    result = result.split(pair.upstream.replace(/\//g, '\\/')).join(pair.local.replace(/\//g, '\\/'));
  }
  return result;
}

/**
 * The way back, for what the browser sends (query strings, form and JSON bodies): a page's
 * hidden `service` field was made local on the way in, and a CAS must get the URL it knows.
 * Plain and percent-encoded forms both.
 */
export function upstreamiseText(text: string, pairs: readonly OriginPair[]): string {
  let result = text;
  for (const pair of pairs) {
    result = result.split(pair.local).join(pair.upstream);
    result = result.split(encodeURIComponent(pair.local)).join(encodeURIComponent(pair.upstream));
  }
  return result;
}

/** Request bodies carried as text the proxy may rewrite (forms, JSON). */
export function isRewritableRequest(contentType: string | undefined): boolean {
  return contentType !== undefined && /^(application\/(x-www-form-urlencoded|json)|text\/plain)\b/i.test(contentType);
}

/** The guard first in <head>, before any script of the page can read or set a cookie. */
export function injectGuard(html: string): string {
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}${GUARD_TAG}${html.slice(head.index + head[0].length)}`;
  const htmlTag = /<html\b[^>]*>/i.exec(html);
  if (htmlTag) return `${html.slice(0, htmlTag.index + htmlTag[0].length)}${GUARD_TAG}${html.slice(htmlTag.index + htmlTag[0].length)}`;
  return `${GUARD_TAG}${html}`;
}

/** A redirect's target made local; null when it leaves the profile's origins. */
export function localiseLocation(location: string, base: URL, pairs: readonly OriginPair[]): string | null {
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    return null;
  }
  const pair = pairs.find((candidate) => candidate.upstream === target.origin);
  if (!pair) return null;
  return `${pair.local}${target.pathname}${target.search}${target.hash}`;
}

/** A local URL (Origin, Referer) said as its upstream; unknown ones are dropped. */
export function upstreamOf(raw: string | undefined, pairs: readonly OriginPair[]): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const pair = pairs.find((candidate) => candidate.local === url.origin);
  if (!pair) return undefined;
  return raw === url.origin ? pair.upstream : `${pair.upstream}${url.pathname}${url.search}`;
}

const DROPPED_REQUEST_HEADERS = new Set([
  'host', 'cookie', 'origin', 'referer', 'accept-encoding', 'connection', 'keep-alive', 'proxy-connection',
  'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length',
]);

/** The browser's request headers as the upstream should get them. */
export function upstreamRequestHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  pairs: readonly OriginPair[],
  cookie: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_REQUEST_HEADERS.has(name) || name.startsWith('sec-fetch-')) continue;
    result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const origin = upstreamOf(single(headers['origin']), pairs);
  if (origin !== undefined) result['origin'] = origin;
  const referer = upstreamOf(single(headers['referer']), pairs);
  if (referer !== undefined) result['referer'] = referer;
  // Identity: a compressed body could not be rewritten.
  result['accept-encoding'] = 'identity';
  if (cookie !== '') result['cookie'] = cookie;
  return result;
}

const DROPPED_RESPONSE_HEADERS = new Set([
  'set-cookie', 'content-security-policy', 'content-security-policy-report-only', 'x-frame-options',
  'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive',
  'strict-transport-security', 'alt-svc', 'report-to', 'nel', 'location', 'cross-origin-opener-policy',
  'cross-origin-embedder-policy', 'cross-origin-resource-policy', 'clear-site-data',
]);

/** The upstream's response headers as the browser should get them, plus the proxy's own. */
export function localResponseHeaders(headers: Headers, kioskOrigin: string): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) result[name] = value;
  });
  // Framed by the kiosk page only; never cached on disk; no referrer leaves the portal.
  result['content-security-policy'] = `frame-ancestors ${kioskOrigin}`; // eng-disable CSP_JS_CHECK — reason: the proxied ENT page's policy (framed by the kiosk only), not the kiosk's own CSP
  result['cache-control'] = 'no-store';
  result['referrer-policy'] = 'same-origin';
  return result;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
