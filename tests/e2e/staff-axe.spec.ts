import { expect, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { createStaff, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';

/**
 * Issue 6, "axe zero violations on staff screens": the states the desk and case specs do not
 * reach. Welcome with "Espace personnel", the sign-in's two refusals (nothing typed, wrong
 * password: the TOTP code has no step of its own, its field is on the sign-in form), the lookup
 * with field errors and with "Aucun dossier", the "Mode assisté" banner, and the notice Welcome
 * shows after a lock. Each is scanned and kept as a screenshot under test-results/.
 */
const cergy = loadProfile('cergy-etudiant');
const nobody = { lastName: 'INCONNU', firstName: 'Personne', birthDate: '2005-01-01', studentNumber: '29999999' };

test.use({ kioskLaunch: { mode: 'desk' } });

test('staff states outside the diagnosis pass axe with zero violations', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const agent = createStaff(serverDirOf(kiosk.dataDir), { username: 'ines.petit', name: 'Inès Petit', role: 'agent' });
  const desk = new StaffDesk(page);
  const { signInPage, lookupPage } = desk;

  await expect(signInPage.entryButton).toBeVisible();
  await checkScreen(page, testInfo, 'staff-axe-01-welcome-desk');

  await desk.open();
  await desk.tap(signInPage.submitButton);
  await expect(signInPage.error).toHaveText('Indiquez votre identifiant et votre mot de passe.');
  await checkScreen(page, testInfo, 'staff-axe-02-sign-in-missing');

  await signInPage.signIn(agent.username, 'pas-le-bon-mot-de-passe', '123456');
  await expect(signInPage.error).toHaveText('Identifiant, mot de passe ou code incorrect.');
  await expect(signInPage.password).toHaveValue('');
  await expect(signInPage.totp).toHaveValue('');
  await checkScreen(page, testInfo, 'staff-axe-03-sign-in-refused');

  await desk.signIn(agent);
  await expect(desk.banner.region).toBeVisible();
  await lookupPage.profile(/^Activer mon compte numérique/).check();
  await desk.tap(lookupPage.searchButton);
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await checkScreen(page, testInfo, 'staff-axe-04-lookup-field-errors');

  await desk.fillLookup(cergy, nobody);
  await desk.tap(lookupPage.searchButton);
  // The refusal and, in the same alert, what the cergy seed says to check (Cas n°3: not the nom d'usage).
  await expect(lookupPage.error).toContainText('Aucun dossier ne correspond à ces informations.');
  await expect(lookupPage.error).toContainText('Cas n°3');
  await expect(desk.banner.status).toContainText('Mode assisté — Inès Petit');
  await checkScreen(page, testInfo, 'staff-axe-05-lookup-no-record-banner');

  await desk.lock();
  await expect(signInPage.lockedNotice).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
  await checkScreen(page, testInfo, 'staff-axe-06-locked-notice');
});
