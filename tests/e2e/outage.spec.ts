import type { Fault } from '../support/fault-proxy';
import { test as base, expect, profilePerson } from './fixtures';
import { loadProfile } from './support/profiles';
import { startProxiedServer, type ProxiedServer } from './support/proxied-server';
import { checkScreen } from './support/screen-check';

/**
 * Issue 5, as the person sees it: a kiosk whose enrollment server sits behind the TCP fault
 * proxy. The kiosk probes every 2 s while offline (terminal.json `sync.offlineProbeS`), so the
 * screens follow the link without anyone touching them.
 */
const profile = loadProfile('ent77-college');
const CHOSEN = 'Kq7vz2Lm4Tx9';
const OFFLINE_TITLE = 'La borne ne peut pas joindre le serveur pour le moment';

const test = base.extend<{ linkAtStart: Fault; upstream: ProxiedServer }>({
  linkAtStart: ['pass', { option: true }],
  upstream: async ({ linkAtStart }, use) => {
    const upstream = await startProxiedServer();
    upstream.proxy.setFault(linkAtStart);
    try {
      await use(upstream);
    } finally {
      await upstream.close();
    }
  },
  kioskLaunch: async ({ dataDir, upstream }, use) => {
    await use({ configFile: upstream.terminalFile(dataDir, { terminalId: 'e2e-outage', profiles: [profile.id], offlineProbeS: 2 }) });
  },
});

test.describe('the server cannot be reached when the kiosk starts', () => {
  test.use({ linkAtStart: 'refuse' });

  test('Welcome and the identity form say so before anything is typed; the banner goes by itself once the server answers', async ({ page, frame, welcome, upstream }, testInfo) => {
    const banner = page.getByRole('status').filter({ hasText: OFFLINE_TITLE });
    const footer = page.getByRole('contentinfo');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Vous ne pourrez pas activer votre compte maintenant');
    await expect(banner).toContainText('Réessayez dans quelques minutes');
    await expect(banner).toContainText('Si cela dure, adressez-vous à l’accueil.');
    await expect(footer).toContainText('Borne hors ligne');
    await checkScreen(page, testInfo, 'outage-01-welcome-offline');

    // The identity form, still untouched, names the profile's own contact.
    await welcome.start(profile.id);
    await expect(frame.heading).toHaveText('Vos informations');
    await expect(banner).toContainText('Si cela dure, adressez-vous à : Votre établissement');
    await checkScreen(page, testInfo, 'outage-02-identity-offline');

    upstream.proxy.setFault('pass');
    await expect(banner).toHaveCount(0);
    await expect(footer).toContainText('Borne en ligne');
    await frame.quit();
    await expect(frame.heading).toHaveText('Bienvenue');
    await expect(banner).toHaveCount(0);
  });
});

test('ENT 77: the link drops before "Activer", the activation is pending with a receipt, then delivered once the network returns', async ({ page, frame, welcome, identity, choose, contact, done, upstream }, testInfo) => {
  test.setTimeout(120_000);
  const person = profilePerson('ent77-college', 'eligible');
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Borne en ligne');
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_TITLE })).toHaveCount(0);

  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await choose.choose(CHOSEN);
  await expect(frame.heading).toHaveText('Coordonnées et charte');
  await contact.fillEmail('manon.perso@example.org');
  await contact.acceptTerms();

  upstream.proxy.setFault('refuse');
  await contact.activate();
  await expect(frame.heading).toHaveText('Votre activation est enregistrée');
  const receipt = done.main.getByRole('status').filter({ hasText: 'Référence' });
  await expect(receipt).toContainText(/Référence : SES-[A-Z0-9]{4}-[A-Z0-9]{4}\./);
  await expect(receipt).toContainText('votre mot de passe sera enregistré dès le retour du réseau');
  await expect(done.login).toHaveText(person.identity['login'] ?? '');
  await expect(footer).toContainText('Borne hors ligne');
  await expect(footer).toContainText('1 activation(s) en attente d’envoi');
  await expect(done.main).not.toContainText(CHOSEN);
  await checkScreen(page, testInfo, 'outage-03-pending-receipt');
  expect(upstream.activationsOf(profile.id, person.identity).active).toBe(0);

  // Nobody touches the kiosk: its own probe finds the server, the outbox goes, the footer follows.
  upstream.proxy.setFault('pass');
  await expect(footer).toContainText('Borne en ligne', { timeout: 30_000 });
  await expect(footer).not.toContainText('en attente', { timeout: 30_000 });
  await expect.poll(() => upstream.activationsOf(profile.id, person.identity)).toEqual({ active: 1, all: 1 });
});

test('a slow server: the kiosk says the link is slow, before anything is typed, and stops saying so once answers are quick again', async ({ page, frame, welcome, identity, upstream }, testInfo) => {
  const person = profilePerson('ent77-college', 'eligible');
  const slowBanner = page.getByRole('status').filter({ hasText: 'La connexion est lente en ce moment' });
  const footer = page.getByRole('contentinfo');
  /** A person checks their details, then leaves: one exchange with the server. */
  async function lookUpAndLeave(): Promise<void> {
    await welcome.start(profile.id);
    await identity.fillFields(profile, person.identity);
    await identity.submit();
    await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
    await frame.quitButton.click();
    await expect(frame.heading).toHaveText('Bienvenue');
  }
  await expect(slowBanner).toHaveCount(0);

  // Each answer of the server now takes 1.8 s: over the kiosk's 1.5 s threshold, under its 2 s
  // probe timeout (a probe that waits longer says offline). "Slow" is the majority of the last
  // three exchanges, so one slow answer is a blip and two are a slow link.
  upstream.proxy.setDelay(1_800);
  await lookUpAndLeave();
  await expect(slowBanner).toHaveCount(0);
  await lookUpAndLeave();
  await expect(slowBanner).toBeVisible();
  await expect(slowBanner).toContainText('Vous pouvez continuer normalement.');
  await expect(footer).toContainText('Borne en ligne, connexion lente');
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_TITLE })).toHaveCount(0);
  await checkScreen(page, testInfo, 'outage-04-slow');
  await welcome.start(profile.id);
  await expect(slowBanner).toBeVisible();
  await frame.quitButton.click();

  upstream.proxy.setDelay(0);
  await lookUpAndLeave();
  await lookUpAndLeave();
  await expect(slowBanner).toHaveCount(0);
  await expect(footer).not.toContainText('lente');
});
