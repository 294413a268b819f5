import { describe, expect, it } from 'vitest';
import type { PortalDisplay } from '../../../../shared/contract/kiosk-api';
import type { Portal } from '../../../../shared/schemas/portal-schema';
import { PortalSchema } from '../../../../shared/schemas/portal-schema';
import { createPortalHandlers } from '../../../../electron/core/portal-handlers';
import type { PortalHost } from '../../../../electron/core/portal/portal-host';
import { createSessionManager } from '../../../../electron/core/session/session-manager';
import { FakeClock } from '../support/fake-clock';
import { loadProfile } from '../support/chosen-rig';

/**
 * "Ouvrir mon ENT" (LOCKDOWN.md #15) is offered only once the account of this session is active,
 * for a profile with a portal. The shell is a recording stand-in here (the real ones, the
 * loopback proxy and the Electron view, are proven in tests/e2e/portal.spec.ts and tests/electron).
 */
const portal = PortalSchema.parse({ entryUrl: 'https://ent.example.fr/', origins: ['https://ent.example.fr'], logoutUrl: 'https://ent.example.fr/logout' });
const withPortal = { ...loadProfile('ent77-college'), portal };
const withoutPortal = loadProfile('ent77-college');
const FRAME: PortalDisplay = { display: 'frame', url: 'http://127.0.0.1:4001/', origins: ['http://127.0.0.1:4001'] };

function setup(host: PortalHost | undefined) {
  const sessions = createSessionManager({ clock: new FakeClock(), idle: { timeoutS: 90, warningS: 20 }, emit: () => undefined });
  return { sessions, handlers: createPortalHandlers({ sessions, portalHost: host }) };
}

function recordingHost(): PortalHost & { opened: Portal[] } {
  const opened: Portal[] = [];
  return { opened, open: (next) => (opened.push(next), FRAME), close: () => Promise.resolve() };
}

describe('portal.open', () => {
  it('needs a session', async () => {
    const { handlers } = setup(recordingHost());
    expect(await handlers['portal.open']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('is not applicable to a profile without a portal, or in a shell without one', async () => {
    const bare = setup(recordingHost());
    bare.sessions.start(withoutPortal);
    expect(await bare.handlers['portal.open']({})).toEqual({ ok: false, error: { code: 'NOT_APPLICABLE' } });
    const shellless = setup(undefined);
    shellless.sessions.start(withPortal);
    expect(await shellless.handlers['portal.open']({})).toEqual({ ok: false, error: { code: 'NOT_APPLICABLE' } });
  });

  it('is refused until the account is active, then opens the profile portal', async () => {
    const host = recordingHost();
    const { sessions, handlers } = setup(host);
    const session = sessions.start(withPortal);
    expect(await handlers['portal.open']({})).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    session.holdChoice({ state: 'pending', login: 'manon.leclerc', reference: 'SES-AAAA-BBBB' });
    expect(await handlers['portal.open']({})).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.opened).toEqual([]);
    session.holdChoice({ state: 'active', login: 'manon.leclerc', reference: 'SES-AAAA-BBBB' });
    expect(await handlers['portal.open']({})).toEqual({ ok: true, value: FRAME });
    expect(host.opened).toEqual([portal]);
  });

  it('answers INTERNAL, not a throw, when the shell cannot open it', async () => {
    const { sessions, handlers } = setup({ open: () => Promise.reject(new Error('boom')), close: () => Promise.resolve() });
    sessions.start(withPortal).holdChoice({ state: 'active', login: 'x', reference: 'SES-AAAA-BBBB' });
    expect(await handlers['portal.open']({})).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });
});
