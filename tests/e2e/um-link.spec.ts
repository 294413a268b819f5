import type { Browser, Page, TestInfo } from '@playwright/test';
import { emailedCode, expect, profilePerson, test } from './fixtures';
import type { ChoosePasswordPage } from './pages/choose-password-page';
import type { HelpPage } from './pages/help-page';
import type { IdentityPage } from './pages/identity-page';
import type { KioskFrame } from './pages/kiosk-frame';
import type { WelcomePage } from './pages/welcome-page';
import type { ReceivedMail, SmtpSink } from '../support/smtp-sink';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * Université de Montpellier, "Je n'ai pas reçu le mail d'activation"
 * (seeds/umontpellier-compte-informatique.txt): "Si vous ne l'avez pas reçu, vous pouvez activer
 * votre compte en cliquant sur « 1ère connexion »". The kiosk is that first connection; here the
 * person then finishes with the link of the new email ("cliquer sur le lien permettant
 * l'activation"), opened in their own browser, not with the code.
 */
const profile = loadProfile('um-etudiant');
const person = profilePerson('um-etudiant', 'eligible');
const address = person.record?.personalEmail ?? '';
const CHOSEN = 'Kq7vz2Lm4Tx9';

/** The link of the activation email, as the plain-text part carries it. */
function emailedLink(text: string): string {
  const match = /(https?:\/\/\S+\/v1\/email-links\/\S+)/.exec(text);
  if (!match?.[1]) throw new Error('no link in the activation email');
  return match[1];
}

/**
 * The link opened on the person's own phone or computer (a browser context sharing nothing with
 * the kiosk's): GET shows only a button, since mail scanners pre-open links and must activate
 * nobody; the button's POST activates; the link then works no more.
 */
async function confirmByLink(browser: Browser, link: string, testInfo: TestInfo): Promise<void> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const own = await context.newPage();
  try {
    const opened = await own.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(own.getByRole('heading', { level: 1 })).toHaveText('Confirmer l\'activation de votre compte');
    await checkScreen(own, testInfo, 'um-link-03-opened');
    // Opened twice, still the button: the first GET activated nothing.
    await own.reload();
    const confirm = own.getByRole('button', { name: 'Confirmer l\'activation' });
    await expect(confirm).toBeVisible();

    await confirm.click();
    await expect(own.getByRole('heading', { level: 1 })).toHaveText('Votre compte est activé');
    await checkScreen(own, testInfo, 'um-link-04-confirmed');
    const again = await own.goto(link);
    expect(again?.status()).toBe(404);
    await expect(own.getByRole('heading', { level: 1 })).toHaveText('Ce lien n\'est pas ou plus valable');
  } finally {
    await context.close();
  }
}

interface Steps {
  page: Page;
  frame: KioskFrame;
  welcome: WelcomePage;
  help: HelpPage;
  identity: IdentityPage;
  choose: ChoosePasswordPage;
  mail: SmtpSink;
}

/** From "Besoin d'aide ?" to the email screen, through the help node about the missing email. */
async function firstConnection({ page, frame, welcome, help, identity, choose, mail }: Steps, testInfo: TestInfo): Promise<ReceivedMail> {
  await welcome.startHelp(profile.id);
  await expect(frame.heading).toHaveText('Besoin d\'aide pour votre compte informatique UM ?');
  await help.choose('Je n\'ai pas reçu le mail d\'activation');
  await expect(frame.heading).toHaveText('Le mail d\'activation');
  await expect(frame.heading).toBeFocused();
  await expect(help.main).toContainText('son lien est valable 24 h');
  await expect(help.main).toContainText('Cette borne fait la « 1ère connexion »');
  await checkScreen(page, testInfo, 'um-link-01-help-no-mail');
  await help.choose('1ère connexion');

  await expect(frame.heading).toHaveText('Vos informations');
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await choose.choose(CHOSEN);

  await expect(frame.heading).toHaveText('Confirmez votre adresse mail');
  await checkScreen(page, testInfo, 'um-link-02-email-code');
  const message = await mail.waitFor((received) => received.to.includes(address));
  expect(message.text).not.toContain(CHOSEN);
  return message;
}

test('no activation email: from the help to "1ère connexion", finished by the link of the new email', async ({ page, browser, frame, welcome, help, identity, choose, emailCode, outcome, mail }, testInfo) => {
  const message = await firstConnection({ page, frame, welcome, help, identity, choose, mail }, testInfo);
  const link = emailedLink(message.text);
  await confirmByLink(browser, link, testInfo);

  // Back at the kiosk: the person leaves, and a new lookup finds the account already active.
  await expect(emailCode.main).toBeVisible();
  await frame.quit();
  await expect(frame.heading).toHaveText('Bienvenue');
  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Votre compte numérique est déjà activé');
  await expect(outcome.main).toContainText('connectez-vous à l’ENT avec votre identifiant et votre mot de passe');
  await checkScreen(page, testInfo, 'um-link-05-already-active');
});

test('the link used, the code typed at the kiosk afterwards finds the activation done', async ({ page, browser, frame, welcome, help, identity, choose, emailCode, done, mail }, testInfo) => {
  const message = await firstConnection({ page, frame, welcome, help, identity, choose, mail }, testInfo);
  await confirmByLink(browser, emailedLink(message.text), testInfo);
  // The link and the code prove the same address: the kiosk then shows the activated account.
  await emailCode.confirm(emailedCode(message.text));
  await expect(frame.heading).toHaveText('Votre compte est activé');
  await expect(done.login).toHaveText(person.identity['studentNumber'] ?? '');
  await checkScreen(page, testInfo, 'um-link-05-done');
});
