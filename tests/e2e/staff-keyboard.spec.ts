import type { Locator, Page } from '@playwright/test';
import { expect, profilePerson, test } from './fixtures';
import { tabTo } from './support/keyboard';
import { createStaff, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';

/**
 * Issue 6 at the desk with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, and an arrow
 * inside the radio group, the one place the platform moves with arrows): sign in,
 * look a parent up, record the id check, open the reactivation dialog and back out of it, then
 * reactivate, hand the new secret over, lock.
 * After each step the focus must be somewhere a keyboard user can carry on from: a heading,
 * the control just used, never `<body>` because the thing that held it went away.
 */
const person = profilePerson('parents-scolarite', 'ACCOUNT_DEACTIVATED');
const [year = '', month = '', day = ''] = (person.identity['childBirthDate'] ?? '').split('-');

test.use({ kioskLaunch: { mode: 'desk' } });

/** What holds the focus, as a short description; "body" when nothing does. */
function focused(page: Page): Promise<string> {
  // A string, run in the page: the tests' TypeScript has no DOM library.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.tagName.toLowerCase() + ':' + (el.getAttribute('aria-label') || el.textContent || el.id || '').trim().slice(0, 60);
  })()`) as Promise<string>;
}

async function expectFocusKept(page: Page, step: string): Promise<void> {
  await expect.poll(() => focused(page), { message: `focus lost to <body> after: ${step}` }).not.toBe('body');
}

async function typeInto(page: Page, field: Locator, value: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(value);
}

test('staff use the desk with the keyboard alone and the focus is never lost', async ({ page, kiosk, welcome }) => {
  void welcome;
  const agent = createStaff(serverDirOf(kiosk.dataDir), { username: 'yves.caron', name: 'Yves Caron', role: 'agent' });
  const desk = new StaffDesk(page);

  // "Espace personnel" is last in the tab order of Welcome.
  await tabTo(page, desk.signInPage.entryButton);
  await page.keyboard.press('Enter');
  await expect(desk.signInPage.heading).toBeFocused();
  await typeInto(page, desk.signInPage.username, agent.username);
  await typeInto(page, desk.signInPage.password, agent.password);
  await tabTo(page, desk.signInPage.submitButton);
  await page.keyboard.press('Enter');
  await expect(desk.lookupPage.heading).toBeFocused();
  await expect(desk.banner.status).toContainText(`Mode assisté — ${agent.name}`);

  // A radio group is one Tab stop (its first radio while none is checked); inside it the arrows
  // move, as the platform has it: up from the first wraps to the parents, the last of the five.
  await tabTo(page, desk.lookupPage.profile(/^Activer mon compte numérique/));
  await page.keyboard.press('ArrowUp');
  const parents = desk.lookupPage.profile(/^Activer mon compte parent/);
  await expect(parents).toBeFocused();
  await expect(parents).toBeChecked();
  await typeInto(page, desk.lookupPage.field('Identifiant'), person.identity['login'] ?? '');
  const birth = page.getByRole('group', { name: 'Date de naissance de votre enfant' });
  await typeInto(page, birth.getByLabel('Jour'), day);
  await typeInto(page, birth.getByLabel('Mois'), month);
  await typeInto(page, birth.getByLabel('Année'), year);
  await page.keyboard.press('Enter');
  await expect(desk.diagnosis.heading).toHaveText('Dossier : Compte désactivé');
  await expect(desk.diagnosis.heading).toBeFocused();

  // The id check: the document list keeps its first choice, the button records it.
  await tabTo(page, desk.diagnosis.idDocument);
  await tabTo(page, desk.diagnosis.idCheckButton);
  await page.keyboard.press('Enter');
  await expect(desk.diagnosis.announcement).toHaveText('Vérification de la pièce d’identité enregistrée.');
  await expectFocusKept(page, 'recording the id check');
  await expect(desk.diagnosis.idCheckButton).toBeFocused();

  // The reactivation asks first; Escape, then "Annuler", back out without acting.
  await tabTo(page, desk.diagnosis.reactivateButton);
  await page.keyboard.press('Enter');
  await expect(desk.diagnosis.confirmDialog).toBeVisible();
  await expect(desk.diagnosis.confirmDialog.getByRole('button', { name: 'Oui, réactiver' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(desk.diagnosis.confirmDialog).toBeHidden();
  await expect(desk.diagnosis.reactivateButton).toBeFocused();
  await page.keyboard.press('Space');
  await expect(desk.diagnosis.confirmDialog).toBeVisible();
  await page.keyboard.press('Tab');
  const cancel = desk.diagnosis.confirmDialog.getByRole('button', { name: 'Annuler', exact: true });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(desk.diagnosis.confirmDialog).toBeHidden();
  await expect(desk.diagnosis.reactivateButton).toBeFocused();
  await expect(desk.diagnosis.heading).toHaveText('Dossier : Compte désactivé');

  // Confirmed this time: the new letter password is shown once, its heading takes the focus,
  // and "Code transmis", which takes that panel (and the focused button) away, keeps it on the page.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const issued = page.getByRole('heading', { name: 'À transmettre à la personne' });
  await expect(issued).toBeFocused();
  const handedOver = page.getByRole('button', { name: 'Code transmis' });
  await tabTo(page, handedOver);
  await page.keyboard.press('Enter');
  await expect(issued).toHaveCount(0);
  await expectFocusKept(page, '"Code transmis"');

  // "Verrouiller" is in the banner, before the screen: Shift+Tab reaches it.
  await page.keyboard.press('Shift+Tab');
  for (let presses = 0; presses < 40 && !(await desk.banner.lockButton.evaluate((button) => button.matches(':focus'))); presses += 1) await page.keyboard.press('Shift+Tab');
  await expect(desk.banner.lockButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(desk.banner.region).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
  await expectFocusKept(page, 'locking the staff space');
  await expect(desk.signInPage.lockedNotice).toBeVisible();
});
