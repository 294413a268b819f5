import { expect, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * ENT 77, parents (seeds/ent77-activation-compte.txt): "ils peuvent remplir le formulaire… afin
 * d'obtenir de l'aide". The kiosk sends it through the server; the school receives an email it
 * can answer straight to the parent.
 */
const profile = loadProfile('ent77-college');
const recipient = profile.contacts[profile.helpForm?.recipient ?? ''];
const PARENT_EMAIL = 'parent.leclerc@example.org';

test('a parent fills the help form; the school gets it by email with Reply-To the parent', async ({ page, frame, welcome, help, helpForm, mail }, testInfo) => {
  await welcome.startHelp(profile.id);
  await help.choose('Parent : je n\'arrive pas à me connecter');
  await help.choose('Demander de l’aide à l’établissement');
  await expect(frame.heading).toHaveText('Demande d’aide à l’établissement');
  await expect(helpForm.main).toContainText(recipient?.label.fr ?? '');

  await helpForm.sendButton.click();
  await expect(helpForm.main).toContainText('Choisissez le sujet de votre demande.');
  await expect(helpForm.main).toContainText('Indiquez vos nom et prénom.');
  await expect(helpForm.main).toContainText('Indiquez votre adresse mail : la réponse y sera envoyée.');
  await expect(helpForm.main).toContainText('Écrivez votre message.');
  await expect(helpForm.topics.getByRole('radio').first()).toBeFocused();
  await helpForm.email.fill('parent@');
  await helpForm.phone.fill('pas un numéro');
  await helpForm.sendButton.click();
  await expect(helpForm.main).toContainText('Cette adresse mail n’est pas valide');
  await expect(helpForm.main).toContainText('Ce numéro n’est pas valide');
  await checkScreen(page, testInfo, 'ent77-help-form-errors');

  await helpForm.pickTopic('J\'ai perdu mon mot de passe');
  await helpForm.name.fill('Hélène Leclerc');
  await helpForm.email.fill(PARENT_EMAIL);
  await helpForm.phone.fill('06 12 34 56 78');
  await helpForm.message.fill('Je n’arrive plus à me connecter à l’ENT de ma fille Manon, en 5e B.');
  await checkScreen(page, testInfo, 'ent77-help-form');
  await helpForm.sendButton.click();

  await expect(frame.heading).toHaveText('Votre demande est envoyée');
  const reference = (await helpForm.reference.textContent())?.trim() ?? '';
  expect(reference).toMatch(/^[A-Z0-9-]{4,32}$/);
  await expect(helpForm.main).toContainText(recipient?.label.fr ?? '');
  await expect(helpForm.main).not.toContainText(PARENT_EMAIL);
  await checkScreen(page, testInfo, 'ent77-help-form-sent');

  const message = await mail.waitFor((received) => received.to.includes(recipient?.email ?? ''));
  expect(message.replyTo).toEqual([PARENT_EMAIL]);
  expect(message.subject).toContain(reference);
  expect(message.text).toContain('Je n’arrive plus à me connecter à l’ENT de ma fille Manon');
});
