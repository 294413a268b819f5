import type { Page } from '@playwright/test';
import type { Profile } from '../../shared/schemas/profile-schema';
import { demoPerson, expect, test } from './fixtures';
import { tabTo } from './support/keyboard';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { createStaff, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';

/**
 * Issue 6 under the project's "French first, English second" rule: the staff screens switch
 * to English live, from the bar above the sign-in and from the "Mode assisté" banner, with
 * `<html lang="en">` while they do; the choice goes with the staff session, so the next person
 * (or the one handed over to) starts in the terminal's French.
 */
const profile = loadProfile('cergy-etudiant');
const person = demoPerson('PAYMENT_PENDING');

test.use({ kioskLaunch: { mode: 'desk', staffLockS: 600 } });

/** The procedure, by its English title, when the terminal offers several. */
async function chooseProcedure(page: Page, cergy: Profile): Promise<void> {
  const radio = page.getByRole('group', { name: 'Procedure' }).getByRole('radio', { name: new RegExp(`^${cergy.title.en ?? ''} —`) });
  if ((await radio.count()) > 0 && !(await radio.isChecked())) await radio.check();
}

/** The lookup as an English-reading staff member sees it: the English labels of the profile. */
async function lookUpInEnglish(page: Page, desk: StaffDesk, cergy: Profile): Promise<void> {
  await chooseProcedure(page, cergy);
  const [year = '', month = '', day = ''] = person.identity.birthDate.split('-');
  const birthDate = page.getByRole('group', { name: 'Date of birth' });
  await page.getByLabel('Last name', { exact: true }).fill(person.identity.lastName);
  await page.getByLabel('First name', { exact: true }).fill(person.identity.firstName);
  await birthDate.getByLabel('Day').fill(day);
  await birthDate.getByLabel('Month').fill(month);
  await birthDate.getByLabel('Year').fill(year);
  await page.getByLabel('Student number', { exact: true }).fill(person.identity.studentNumber);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(desk.heading).toHaveText('Record: Enrolment awaiting payment');
}

test('staff read the desk and a group board in English, and the lock gives Welcome back in French', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const html = page.locator('html');
  const agent = createStaff(serverDirOf(kiosk.dataDir), { username: 'sam.taylor', name: 'Sam Taylor', role: 'agent' });
  const desk = new StaffDesk(page);

  // Before sign-in: the switch above the form, with the keyboard alone.
  await desk.open();
  await tabTo(page, desk.banner.languageButton('English'));
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(desk.heading).toHaveText('Staff sign-in');
  await expect(desk.banner.languageButton('English')).toHaveAttribute('aria-pressed', 'true');
  await checkScreen(page, testInfo, 'staff-en-01-sign-in');

  // Signing in keeps the language; the banner says who, in English.
  await page.getByLabel('Username', { exact: true }).fill(agent.username);
  await page.getByLabel('Password', { exact: true }).fill(agent.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(desk.heading).toHaveText('Find a record');
  await expect(desk.banner.englishRegion.getByRole('status')).toHaveText(/^Assisted mode — Sam Taylor\s*\(agent\)$/);
  await checkScreen(page, testInfo, 'staff-en-02-lookup');

  // The banner's switch: back to French and to English again, at once, with what was typed kept.
  await chooseProcedure(page, profile);
  await page.getByLabel('Last name', { exact: true }).fill(person.identity.lastName);
  await desk.banner.languageButton('Français').click();
  await expect(html).toHaveAttribute('lang', 'fr');
  await expect(desk.lookupPage.heading).toBeVisible();
  await expect(desk.banner.status).toHaveText(/^Mode assisté — Sam Taylor\s*\(agent\)$/);
  await expect(desk.lookupPage.field('Nom')).toHaveValue(person.identity.lastName);
  await desk.banner.languageButton('English').click();
  await expect(html).toHaveAttribute('lang', 'en');

  await lookUpInEnglish(page, desk, profile);
  await expect(page.getByRole('region', { name: 'What to do' })).toContainText(
    'Check that the payment is recorded in the enrolment file. If it is “awaiting payment”, the account cannot be activated: the person must contact the registrar’s office.',
  );
  const facts = page.getByRole('region', { name: 'The record' });
  await expect(facts.locator('div', { has: page.getByRole('term').getByText('Payment', { exact: true }) }).getByRole('definition')).toHaveText('awaiting payment');
  await expect(page.getByRole('button', { name: 'Continue with the person' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en');
  await checkScreen(page, testInfo, 'staff-en-03-diagnosis');

  // A group session, opened on a class of the registrar's file, its board in English.
  await page.getByRole('button', { name: 'New search' }).click();
  await page.getByRole('button', { name: 'Group sessions' }).click();
  await expect(desk.heading).toHaveText('Group sessions');
  await checkScreen(page, testInfo, 'staff-en-04-group-setup');
  await page.getByRole('radio', { name: profile.title.en ?? '', exact: true }).check();
  await page.getByLabel('Session name', { exact: true }).fill('L1 Info, group 2');
  await page.getByRole('radio', { name: 'A class or group known to the institution' }).check();
  await page.getByLabel('Class or group', { exact: true }).selectOption({ value: 'L1-Info' });
  await page.getByRole('button', { name: 'Open the session' }).click();
  await expect(desk.heading).toHaveText('Session “L1 Info, group 2”');
  const table = page.getByRole('table', { name: 'Participants' });
  await expect(table.getByRole('columnheader')).toHaveText(['No.', 'Name', 'State', 'Reason']);
  const blocked = table.getByRole('row').filter({ hasText: 'Enrolment awaiting payment' });
  await expect(blocked.getByRole('cell').nth(1)).toHaveText('Blocked');
  await expect(page.getByRole('region', { name: 'Code for the other terminals' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en');
  await checkScreen(page, testInfo, 'staff-en-05-group-board');

  // The lock: the next person finds the terminal's French.
  await desk.banner.englishLockButton.click();
  await expect(desk.banner.englishRegion).toHaveCount(0);
  await expect(desk.heading).toHaveText('Bienvenue');
  await expect(html).toHaveAttribute('lang', 'fr');
  await expect(desk.signInPage.lockedNotice).toBeVisible();
  await expect(desk.signInPage.entryButton).toBeVisible();
});

test('a hand-over ends the staff session: the person’s form opens in the terminal’s French', async ({ page, kiosk, welcome, identity }) => {
  void welcome;
  const agent = createStaff(serverDirOf(kiosk.dataDir), { username: 'sam.taylor', name: 'Sam Taylor', role: 'agent' });
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(agent);
  await desk.banner.languageButton('English').click();
  await expect(desk.heading).toHaveText('Find a record');

  await lookUpInEnglish(page, desk, profile);
  await page.getByRole('button', { name: 'Continue with the person' }).click();
  await expect(desk.heading).toHaveText('Vos informations');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(identity.lastName).toHaveValue(person.identity.lastName);
});
