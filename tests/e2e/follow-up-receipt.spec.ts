import type { Fault } from '../support/fault-proxy';
import { test as base, expect, profilePerson } from './fixtures';
import { loadProfile } from './support/profiles';
import { startProxiedServer, type ProxiedServer } from './support/proxied-server';
import { checkScreen } from './support/screen-check';

/**
 * Issue 5, the pending receipt as the person leaves with it: the kiosk finishes on its own, and
 * should the server refuse once they have gone, they know to keep the reference, what would show
 * it failed, and whom to show it to: ENT 77's college, from the profile's contacts.
 */
const profile = loadProfile('ent77-college');
const CHOSEN = 'Kq7vz2Lm4Tx9';

const test = base.extend<{ upstream: ProxiedServer }>({
  // Playwright reads which fixtures a fixture needs from this pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  upstream: async ({}, use) => {
    const upstream = await startProxiedServer();
    upstream.proxy.setFault('pass' satisfies Fault);
    try {
      await use(upstream);
    } finally {
      await upstream.close();
    }
  },
  kioskLaunch: async ({ dataDir, upstream }, use) => {
    await use({ configFile: upstream.terminalFile(dataDir, { terminalId: 'e2e-follow-up', profiles: [profile.id], offlineProbeS: 2 }) });
  },
});

test('ENT 77: a pending receipt says the kiosk finishes alone, and where to bring the reference if it fails', async ({ page, frame, welcome, identity, choose, contact, done, upstream }, testInfo) => {
  test.setTimeout(120_000);
  const person = profilePerson('ent77-college', 'eligible');
  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await choose.choose(CHOSEN);
  await contact.fillEmail('manon.perso@example.org');
  await contact.acceptTerms();
  upstream.proxy.setFault('refuse');
  await contact.activate();

  await expect(frame.heading).toHaveText('Votre activation est enregistrée');
  await expect(done.main).toContainText('Gardez cette référence. La borne termine l’activation toute seule : vous n’avez pas besoin de revenir.');
  await expect(done.main).toContainText('l’établissement en est averti et retrouve votre demande grâce à cette référence');
  await expect(done.main).toContainText('Si vous ne pouvez pas vous connecter avec ce mot de passe, présentez cette référence à : Votre établissement (le collège qui a transmis vos informations)');
  await checkScreen(page, testInfo, 'follow-up-pending-receipt');
});
