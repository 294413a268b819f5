import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { forceSessionCookies } from '../../../../electron/main/portal/portal-cookies';
import { FakeSession } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #15 in the Electron portal view's wiring, through the named fake of `electron`:
 * the shell rewrites every Set-Cookie header (whatever the header's case) and removes a cookie
 * that arrives with an expiry. Whether Electron calls these hooks is for tests/electron/portal.spec.ts.
 */
function wired(): FakeSession {
  const session = new FakeSession();
  forceSessionCookies(session as unknown as Session);
  return session;
}

describe('portal view cookies', () => {
  it('rewrites Set-Cookie in every response into session cookies, keeping deletions', () => {
    const session = wired();
    const callback = vi.fn();
    session.run(session.headersReceivedListener, {
      responseHeaders: {
        'Set-Cookie': ['TGC=TGT-1; Path=/cas; Max-Age=1209600; HttpOnly', 'old=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
        'set-cookie': ['ENT=1; expires=Fri, 31 Dec 2037 23:59:59 GMT; Secure'],
        'Content-Type': ['text/html'],
      },
    }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Set-Cookie': ['TGC=TGT-1; Path=/cas; HttpOnly', 'old=; Max-Age=0'],
        'set-cookie': ['ENT=1; Secure'],
        'Content-Type': ['text/html'],
      },
    });
  });

  it('removes a cookie set with an expiry (from script), leaves session cookies and removals alone', () => {
    const session = wired();
    session.cookies.emit('changed', {}, { name: 'prefs', domain: '.ent.example.fr', path: '/app', secure: true, session: false }, 'explicit', false);
    session.cookies.emit('changed', {}, { name: 'sid', domain: 'ent.example.fr', path: '/', secure: true, session: true }, 'explicit', false);
    session.cookies.emit('changed', {}, { name: 'gone', domain: 'ent.example.fr', path: '/', secure: false, session: false }, 'expired', true);
    expect(session.cookies.remove.mock.calls).toEqual([['https://ent.example.fr/app', 'prefs']]);
  });

  it('passes a response without headers through unchanged', () => {
    const session = wired();
    const callback = vi.fn();
    session.run(session.headersReceivedListener, {}, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});
