/**
 * Source of `/kiosk-bridge.js`, the Chromium shell's `window.kiosk` (the loopback twin of the
 * Electron preload). It is a tiny ES module with no imports, generated at server start from the
 * method list of the contract so the two can never drift, and it satisfies `KioskBridge`
 * (shared/contract/kiosk-api.ts): `invoke` POSTs to `/api/<method>` with the anti-CSRF header;
 * a network failure answers `OFFLINE` as a value, never a throw; `onEvent` listens to the
 * Server-Sent Events stream `/api/events`, reopened if the browser gives up on it.
 */
export const KIOSK_HEADER = 'X-Sesame-Kiosk';

export function kioskBridgeSource(methods: readonly string[]): string {
  return `// Sésame loopback bridge: generated from the kiosk contract, do not edit.
const METHODS = new Set(${JSON.stringify(methods)});
const RETRY_MS = 2000;
const listeners = new Set();
let source = null;

function failure(code) {
  return { ok: false, error: { code } };
}

async function invoke(method, input) {
  if (!METHODS.has(method)) return failure('NOT_FOUND');
  let response;
  try {
    response = await fetch('/api/' + method, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', '${KIOSK_HEADER}': '1' },
      body: JSON.stringify(input === undefined ? {} : input),
    });
  } catch {
    return failure('OFFLINE');
  }
  try {
    const body = await response.json();
    if (body !== null && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  } catch {
    // A body that is not a Result (a proxy page, a cut connection) is the same as no answer.
  }
  return failure('OFFLINE');
}

function deliver(message) {
  let event;
  try {
    event = JSON.parse(message.data);
  } catch {
    return;
  }
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      console.error('kiosk event listener failed', error);
    }
  }
}

function connect() {
  source = new EventSource('/api/events');
  source.onmessage = deliver;
  source.onerror = () => {
    // EventSource retries by itself after a network error, but gives up for good on an HTTP
    // error; then open a new one a little later.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, RETRY_MS);
  };
}

function onEvent(listener) {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  listeners.add(listener);
  if (source === null) connect();
  return () => {
    listeners.delete(listener);
  };
}

Object.defineProperty(window, 'kiosk', {
  value: Object.freeze({ invoke, onEvent }),
  enumerable: true,
  configurable: false,
  writable: false,
});
`;
}
