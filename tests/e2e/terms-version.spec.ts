import { test as base, expect, profilePerson } from './fixtures';
import { startProfileServer } from './support/profile-server';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * Issue 5: the charter screen names the terms version the person accepts (the one the server
 * records), and when new terms are deployed while someone is on that screen, the kiosk shows the
 * new ones, unticks the box and asks again, keeping the password and contact typed.
 */
const profile = loadProfile('ent77-college');
const person = profilePerson('ent77-college', 'eligible');
const NEW_VERSION = 'ent77-2027';

const test = base.extend<{ upstream: Awaited<ReturnType<typeof startProfileServer>> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  upstream: async ({}, use) => {
    const upstream = await startProfileServer();
    try {
      await use(upstream);
    } finally {
      await upstream.close();
    }
  },
  kioskLaunch: async ({ dataDir, upstream }, use) => {
    await use({ configFile: upstream.terminalFile(dataDir, [profile.id]) });
  },
});

test('new terms deployed mid-visit are shown and asked again before the activation goes through', async ({ page, frame, welcome, identity, choose, contact, upstream }, testInfo) => {
  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await choose.choose('Kq7vz2Lm4Tx9');
  await expect(frame.heading).toHaveText('Coordonnées et charte');
  await expect(page.getByText(`Version ${profile.terms?.version ?? ''}`, { exact: true })).toBeVisible();
  await checkScreen(page, testInfo, 'terms-version-01-contact');

  await upstream.deployTermsVersion(profile.id, NEW_VERSION);
  await contact.fillEmail('manon.perso@example.org');
  await contact.acceptTerms();
  await contact.activate();

  await expect(page.getByText('La charte vient de changer pendant votre démarche.', { exact: false })).toBeVisible();
  await expect(page.getByText(`Version ${NEW_VERSION}`, { exact: true })).toBeVisible();
  await expect(contact.terms).not.toBeChecked();
  await expect(contact.email).toHaveValue('manon.perso@example.org');
  await checkScreen(page, testInfo, 'terms-version-02-changed');

  await contact.acceptTerms();
  await contact.activate();
  await expect(frame.heading).toHaveText('Votre compte est activé');
});
