import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { bindKioskIpc, forwardKioskEvents } from '../../../../electron/main/ipc/kiosk-ipc';
import { APP_ENTRY_URL } from '../../../../electron/main/lockdown/navigation-policy';
import type { KioskEvent, KioskHandlers } from '../../../../shared/contract/kiosk-api';
import { fail, ok } from '../../../../shared/contract/result';
import { FakeBrowserWindow, ipcMain } from '../../../support/fake-electron';
import { staffHandlersRefusing } from '../../../support/staff-handlers-refusing';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #13: what a page gets back from `kiosk:invoke`, depending on which frame sent it
 * and what it sent. The handlers are a small real table: they record what reached "core".
 */
let reached: string[];

const handlers: KioskHandlers = {
  'terminal.describe': () => Promise.resolve(fail('OFFLINE')),
  'session.start': ({ profileId }) => {
    reached.push(`session.start:${profileId}`);
    return Promise.resolve(fail('NOT_FOUND'));
  },
  'session.activity': () => {
    reached.push('session.activity');
    return Promise.resolve(ok({ idleDeadline: '2030-01-01T00:00:00.000Z' }));
  },
  'session.end': ({ reason }) => {
    reached.push(`session.end:${reason}`);
    return Promise.resolve(ok({ wiped: true as const }));
  },
  'session.terms': () => Promise.resolve(fail('NO_SESSION')),
  'activation.lookup': () => Promise.resolve(fail('NO_SESSION')),
  'activation.submit': () => Promise.resolve(fail('NO_SESSION')),
  'activation.confirmPassword': () => Promise.resolve(fail('NO_SESSION')),
  'recovery.request': () => Promise.resolve(fail('NO_SESSION')),
  'recovery.reset': () => Promise.resolve(fail('NO_SESSION')),
  'help.submit': () => Promise.resolve(fail('NO_SESSION')),
  'privacy.report': () => Promise.resolve(fail('NO_SESSION')),
  'portal.open': () => Promise.resolve(fail('NO_SESSION')),
  ...staffHandlersRefusing(),
  'password.check': () => {
    reached.push('password.check');
    return Promise.resolve(ok({ acceptable: false, rules: [{ id: 'minLength' as const, met: false, advisory: false, param: 8 }] }));
  },
  'activation.choose': ({ termsAccepted }) => {
    reached.push(`activation.choose:${String(termsAccepted)}`);
    return Promise.resolve(fail('NO_SESSION'));
  },
  'activation.confirmEmail': () => Promise.resolve(fail('NO_SESSION')),
  'activation.resendEmail': () => Promise.resolve(fail('RESEND_LIMIT')),
};

interface Frame {
  url: string;
  parent: Frame | null;
}

const mainFrame = (url: string): Frame => ({ url, parent: null });
const invoke = (senderFrame: Frame | null, method: unknown, input: unknown): unknown =>
  ipcMain.invoke('kiosk:invoke', { senderFrame, sender: {}, frameId: 1, processId: 1 }, method, input);

beforeEach(() => {
  reached = [];
  bindKioskIpc(handlers);
});

describe('kiosk:invoke sender check', () => {
  it.each<[string, Frame | null]>([
    ['a page on another site', mainFrame('https://evil.example/')],
    ['a local file', mainFrame('file:///etc/passwd')],
    ['a look-alike custom host', mainFrame('app://sesame.evil.example/index.html')],
    ['a data: page', mainFrame('data:text/html,<script>kiosk.invoke()</script>')],
    ['an iframe inside our page', { url: 'https://evil.example/', parent: mainFrame(APP_ENTRY_URL) }],
    ['an iframe of our own page', { url: APP_ENTRY_URL, parent: mainFrame(APP_ENTRY_URL) }],
    ['a frame already gone', null],
  ])('refuses %s with UNAUTHORIZED, before core sees anything', async (_name, frame) => {
    await expect(invoke(frame, 'session.end', { reason: 'cancelled' })).resolves.toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(reached).toEqual([]);
  });

  it('checks the sender before the method, so an outsider cannot probe the method table', async () => {
    await expect(invoke(mainFrame('https://evil.example/'), 'nope', {})).resolves.toMatchObject({
      error: { code: 'UNAUTHORIZED' },
    });
  });
});

describe('kiosk:invoke from our own main frame', () => {
  const own = mainFrame(APP_ENTRY_URL);

  it('reaches core with the parsed input', async () => {
    await expect(invoke(own, 'session.end', { reason: 'cancelled' })).resolves.toEqual({ ok: true, value: { wiped: true } });
    await expect(invoke(mainFrame('app://sesame/'), 'session.activity', {})).resolves.toMatchObject({ ok: true });
    expect(reached).toEqual(['session.end:cancelled', 'session.activity']);
  });

  it.each(['session.destroy', '__proto__', 'constructor', 'toString', 'kiosk:invoke', '', 42, null, { method: 'session.end' }])(
    'answers NOT_FOUND for the unknown method %j',
    async (method) => {
      await expect(invoke(own, method, {})).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(reached).toEqual([]);
    },
  );

  it.each([
    ['a wrong enum value', { reason: 'hacked' }],
    ['an extra field', { reason: 'cancelled', wipe: false }],
    ['a prototype pollution attempt', JSON.parse('{"reason":"cancelled","__proto__":{"admin":true}}') as unknown],
    ['no input at all', undefined],
    ['a string', 'cancelled'],
    ['an array', ['cancelled']],
  ])('answers INVALID_INPUT for %s', async (_name, input) => {
    await expect(invoke(own, 'session.end', input)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(reached).toEqual([]);
  });

  it('reaches the chosen-password methods with their parsed input, and refuses their malformed input', async () => {
    await expect(invoke(own, 'password.check', { candidate: 'abc' })).resolves.toMatchObject({ ok: true, value: { acceptable: false } });
    await expect(invoke(own, 'activation.resendEmail', {})).resolves.toEqual({ ok: false, error: { code: 'RESEND_LIMIT' } });
    const choice = { password: 'Soleil2026', confirmation: 'Soleil2026', termsAccepted: true, locale: 'fr' };
    await expect(invoke(own, 'activation.choose', choice)).resolves.toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(reached).toEqual(['password.check', 'activation.choose:true']);
    for (const [method, input] of [
      ['password.check', { candidate: 'x'.repeat(129) }],
      ['activation.choose', { ...choice, termsAccepted: 'yes' }],
      ['activation.choose', { ...choice, locale: 'de' }],
      ['activation.choose', { ...choice, admin: true }],
      ['activation.confirmEmail', { code: 'A'.repeat(33) }],
      ['activation.resendEmail', { activationId: 'act_x' }],
    ] as const) {
      await expect(invoke(own, method, input)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(reached).toHaveLength(2);
  });

  it('refuses an oversized profile id without passing it on', async () => {
    await expect(invoke(own, 'session.start', { profileId: 'x'.repeat(10_000) })).resolves.toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(reached).toEqual([]);
  });

  it('stops answering once unbound', () => {
    bindKioskIpc(handlers)();
    expect(() => invoke(own, 'session.activity', {})).toThrow('no handler on kiosk:invoke');
  });
});

describe('kiosk:event', () => {
  type Listener = (event: KioskEvent) => void;

  it('forwards each core event to the window on the kiosk:event channel, and stops when asked', () => {
    const window = new FakeBrowserWindow({});
    let emit: Listener = () => undefined;
    const unsubscribe = vi.fn<() => void>();
    const stop = forwardKioskEvents((listener) => {
      emit = listener;
      return unsubscribe;
    }, window as unknown as BrowserWindow);
    const ended: KioskEvent = { type: 'session.ended', reason: 'idle' };
    emit(ended);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('kiosk:event', ended);
    stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('sends nothing to a window that was closed', () => {
    const window = new FakeBrowserWindow({});
    window.destroyed = true;
    let emit: Listener = () => undefined;
    forwardKioskEvents((listener) => {
      emit = listener;
      return () => undefined;
    }, window as unknown as BrowserWindow);
    expect(() => emit({ type: 'sync.state', online: true, quality: 'online', pending: 0 })).not.toThrow();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
