import { PORTAL_ACTIVITY_MESSAGE } from '../../../shared/contract/kiosk-api';

/**
 * The script every portal page runs first (LOCKDOWN.md #15), as source text: the Electron shell
 * runs it with `executeJavaScript` in each portal frame, the loopback proxy serves it as a file
 * the proxied HTML loads. It is the page-side half of "remember me" forced off:
 * - the remember-me control (the profile's selector, CAS `rememberMe`) is removed, with its
 *   label, now and whenever the page adds it back;
 * - a login form with a password field also sends `publicWorkstation=true` (CAS);
 * - a cookie set from script loses its expiry (`expires`, `max-age`), so it dies with the
 *   session; a deletion (past date, `max-age` ≤ 0) stays a deletion; framed by the loopback
 *   shell, it also gets `path=/` and no `domain`, so the kiosk page (the same host) sees it and
 *   its wipe removes it: a cookie on a deeper path would be out of the page's reach;
 * - in a frame, each pointer, touch or key is told to the kiosk page (throttled), whose idle timer
 *   cannot see inside a cross-origin frame.
 * Plain ES2017 in a string: it must not depend on how the kiosk itself is bundled.
 */
export interface PortalGuardOptions {
  rememberMeSelector: string;
  publicWorkstation: boolean;
  /** The kiosk page's origin, when the portal is framed by it (loopback shell); null in Electron. */
  kioskOrigin: string | null;
}


export function portalGuardSource(options: PortalGuardOptions): string {
  const settings = JSON.stringify({
    selector: options.rememberMeSelector,
    publicWorkstation: options.publicWorkstation,
    kioskOrigin: options.kioskOrigin,
    activity: PORTAL_ACTIVITY_MESSAGE,
  });
  return `(function () {
  'use strict';
  var settings = ${settings.replace(/</g, '\\u003c')};
  var rootPath = settings.kioskOrigin !== null;
  if (window.__sesamePortalGuard) return;
  Object.defineProperty(window, '__sesamePortalGuard', { value: true });

  function removeRememberMe(root) {
    var found;
    try { found = root.querySelectorAll(settings.selector); } catch (error) { return; }
    for (var i = 0; i < found.length; i += 1) {
      var field = found[i];
      if (field.id) {
        var labels = document.querySelectorAll('label[for="' + CSS.escape(field.id) + '"]');
        for (var j = 0; j < labels.length; j += 1) labels[j].remove();
      }
      var wrapping = field.closest('label');
      (wrapping || field).remove();
    }
  }

  function markPublicWorkstation(root) {
    if (!settings.publicWorkstation) return;
    var forms = root.querySelectorAll('form');
    for (var i = 0; i < forms.length; i += 1) {
      var form = forms[i];
      if (!form.querySelector('input[type="password"]')) continue;
      var field = form.querySelector('input[name="publicWorkstation"]');
      if (!field) {
        field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'publicWorkstation';
        form.appendChild(field);
      }
      field.value = 'true';
    }
  }

  function guard() {
    removeRememberMe(document);
    markPublicWorkstation(document);
  }

  // A cookie written from script keeps its name, value, path and flags, never an expiry.
  function sessionOnly(text) {
    var parts = String(text).split(';');
    var kept = [parts[0]];
    var deletion = false;
    for (var i = 1; i < parts.length; i += 1) {
      var part = parts[i].trim();
      var equals = part.indexOf('=');
      var name = (equals < 0 ? part : part.slice(0, equals)).trim().toLowerCase();
      var value = equals < 0 ? '' : part.slice(equals + 1).trim();
      if (name === 'max-age') {
        if (/^-?\\d+$/.test(value) && Number(value) <= 0) deletion = true;
      } else if (name === 'expires') {
        var when = Date.parse(value);
        if (!isNaN(when) && when <= Date.now()) deletion = true;
      } else if (rootPath && (name === 'path' || name === 'domain')) {
        continue;
      } else if (part !== '') {
        kept.push(part);
      }
    }
    if (rootPath) kept.push('path=/');
    if (deletion) kept.push('max-age=0');
    return kept.join('; ');
  }
  var cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.set && cookie.get) {
    Object.defineProperty(document, 'cookie', {
      configurable: false,
      get: function () { return cookie.get.call(document); },
      set: function (text) { cookie.set.call(document, sessionOnly(text)); },
    });
  }

  if (settings.kioskOrigin && window.parent !== window) {
    var last = 0;
    var tell = function () {
      var now = Date.now();
      if (now - last < 2000) return;
      last = now;
      window.parent.postMessage({ type: settings.activity }, settings.kioskOrigin);
    };
    ['pointerdown', 'keydown', 'touchstart'].forEach(function (type) {
      document.addEventListener(type, tell, { capture: true, passive: true });
    });
  }

  guard();
  new MutationObserver(guard).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', guard);
  document.addEventListener('submit', function (event) { markPublicWorkstation(event.target.parentNode || document); removeRememberMe(event.target); }, true);
})();
`;
}
