/**
 * Who may call the loopback API (pure, unit-tested with hostile headers). A web page from any
 * other origin, or a DNS-rebinding name that resolves to 127.0.0.1, must not reach the kiosk:
 * the Host must be exactly our `127.0.0.1:PORT`, an Origin (when the browser sends one) must be
 * ours, and the custom header forces a CORS preflight that we never grant.
 */
export interface ApiRequestHeaders {
  host: string | undefined;
  origin: string | undefined;
  kioskHeader: string | string[] | undefined;
  hasSession: boolean;
  /**
   * `Sec-Fetch-Site`: the portal's pages are served from other loopback ports, the same site as
   * the kiosk, so its cookie reaches us from them; a no-cors request (an image, a script tag)
   * carries no Origin, but Chromium always says where it came from here.
   */
  fetchSite?: string | string[] | undefined;
}

export type ApiRefusal = 'host' | 'origin' | 'site' | 'header' | 'session';

export function loopbackOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}`;
}

export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === loopbackOrigin(port);
}

/** `requireHeader` is off for the event stream only: EventSource cannot set headers. */
export function refuseApiRequest(
  request: ApiRequestHeaders,
  port: number,
  { requireHeader = true }: { requireHeader?: boolean } = {},
): ApiRefusal | null {
  if (!isOwnHost(request.host, port)) return 'host';
  if (!isOwnOrigin(request.origin, port)) return 'origin';
  if (request.fetchSite !== undefined && request.fetchSite !== 'same-origin' && request.fetchSite !== 'none') return 'site';
  if (requireHeader && request.kioskHeader !== '1') return 'header';
  if (!request.hasSession) return 'session';
  return null;
}
