import type { Page } from '@playwright/test';
import { frGroup } from '../../shared/messages/fr-group';
import { expect, test } from './fixtures';
import { GroupBoardPage } from './pages/group-board-page';
import { GroupSetupPage } from './pages/group-setup-page';
import { GroupSummaryPage } from './pages/group-summary-page';
import { tabTo } from './support/keyboard';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { createStaff, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';

/**
 * Issue 6, opening a group session: a pasted list that the server refuses shows, for each
 * problem, the sentence its stable code stands for; a class known to the registrar's file
 * ("the enrollment filter of the profile") opens with the keyboard alone, the board shows who
 * is done and who is blocked and why, and closing keeps the focus where a keyboard user is.
 * The staff lock is long (600 s): these tests drive the page, never wait on the board's polls.
 */
const cergy = loadProfile('cergy-etudiant');
/** Columns in any order: the server reads them by name. */
const HEADER = 'student_number,last_name,first_name,birth_date';

test.use({ kioskLaunch: { mode: 'assisted', staffLockS: 600 } });

async function signedInSetup(page: Page, dataDir: string): Promise<GroupSetupPage> {
  const agent = createStaff(serverDirOf(dataDir), { username: 'prof.girard', name: 'Hélène Girard', role: 'agent' });
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(agent);
  await desk.tap(desk.lookupPage.groupsButton);
  const setup = new GroupSetupPage(page);
  await expect(setup.heading).toBeVisible();
  return setup;
}

async function paste(setup: GroupSetupPage, csv: string): Promise<void> {
  await setup.csv.fill(csv);
  await setup.openButton.click();
}

test('a refused list says precisely what to fix, one sentence per problem', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const setup = await signedInSetup(page, kiosk.dataDir);
  await setup.profile(cergy.title.fr).check();
  await setup.label.fill('L1 Info, groupe 2');
  await setup.csvSource.check();
  await expect(setup.csvHint).toContainText('last_name,first_name,birth_date,student_number,label');
  await checkScreen(page, testInfo, 'group-setup-csv');

  // The same student twice (spelled differently), an impossible date, a short row.
  await paste(setup, [HEADER, '21000001,Martineau,Camille,2006-04-12', '21000002,Nguyen,Zoé,2006-02-30', '21000001,MARTINEAU,camille,2006-04-12', '21000007,Petit'].join('\n'));
  await expect(setup.csvProblems).toHaveText([
    'Ligne 3, colonne « birth_date » : date impossible.',
    'Ligne 4 : la même personne qu’à la ligne 2.',
    'Ligne 5 : 2 valeurs au lieu de 4.',
  ]);
  await expect(setup.csv).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, testInfo, 'group-setup-csv-errors');

  // The header: a column twice, one the profile does not read, one missing.
  await paste(setup, 'student_number,last_name,last_name,prenom,birth_date\n21000001,Martineau,Martineau,Camille,2006-04-12\n');
  await expect(setup.csvProblems).toHaveText([
    'Colonne « first_name » absente de la première ligne.',
    'Colonne « prenom » inconnue pour cette démarche : renommez-la ou retirez-la.',
    'Colonne « last_name » présente deux fois dans la première ligne.',
  ]);

  await paste(setup, `${HEADER}\n`);
  await expect(setup.csvProblems).toHaveText([frGroup['group.csv.EMPTY_LIST']]);

  const rows = Array.from({ length: 501 }, (_, index) => `${21100000 + index},M,C,2006-04-12`);
  await paste(setup, [HEADER, ...rows].join('\n'));
  await expect(setup.csvProblems).toHaveText(['La liste compte 501 personnes ; une séance en accueille 500 au plus : ouvrez plusieurs séances.']);
  await expect(setup.heading).toBeVisible();
});

test('a class opens, is watched and closed with the keyboard alone; the board shows done and blocked with the reason', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const setup = await signedInSetup(page, kiosk.dataDir);
  const cergyRadio = setup.profile(cergy.title.fr);

  // The checked procedure holds the group's one Tab stop; arrows move the choice.
  await tabTo(page, page.getByRole('radio', { checked: true }).first());
  for (let moves = 0; moves < 5 && !(await cergyRadio.isChecked()); moves += 1) await page.keyboard.press('ArrowDown');
  await expect(cergyRadio).toBeChecked();
  await tabTo(page, setup.label);
  await page.keyboard.type('TD L1 Info');
  await expect(setup.cohortSource).toBeChecked();
  await tabTo(page, setup.cohort);
  await page.keyboard.type('L1');
  await expect(setup.cohort).toHaveValue('L1-Info');
  await tabTo(page, setup.openButton);
  await page.keyboard.press('Enter');

  const board = new GroupBoardPage(page);
  await expect(board.heading('TD L1 Info')).toBeFocused();
  await expect(board.table.getByRole('row')).toHaveCount(5);
  await expect(board.stateOf('Hugo P.')).toHaveText(frGroup['group.state.blocked']);
  await expect(board.reasonOf('Hugo P.')).toHaveText(frGroup['group.reason.PAYMENT_PENDING']);
  await expect(board.stateOf('Léa F.')).toHaveText(frGroup['group.state.done']);
  await expect(board.count('done')).toHaveText('1');
  await expect(board.count('blocked')).toHaveText('1');

  // "Clore la séance" is replaced by the question: the focus moves to it, and back on "Annuler".
  await tabTo(page, board.closeButton);
  await page.keyboard.press('Enter');
  const question = page.getByText(frGroup['group.board.close.confirm']);
  await expect(question).toBeFocused();
  await checkScreen(page, testInfo, 'group-close-confirm');
  await tabTo(page, board.cancelCloseButton);
  await page.keyboard.press('Enter');
  await expect(board.closeButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeFocused();
  await tabTo(page, board.confirmCloseButton);
  await page.keyboard.press('Enter');

  const summary = new GroupSummaryPage(page);
  await expect(summary.heading('TD L1 Info')).toBeFocused();
  await expect(summary.total(4)).toBeVisible();
  await expect(page.getByText('Bornes ayant participé : 1', { exact: true })).toBeVisible();
  await tabTo(page, summary.newSessionButton);
  await page.keyboard.press('Enter');
  await expect(setup.heading).toBeFocused();
});

test('after five wrong join codes the kiosk says to wait, in French, and the wait is the server’s', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const setup = await signedInSetup(page, kiosk.dataDir);
  const refusal = page.getByRole('alert');
  for (const code of ['ZZZZZZ', 'YYYYYY', 'XXXXXX', 'WWWWWW', 'VVVVVV']) {
    await setup.join(code);
    await expect(refusal).toHaveText(frGroup['group.error.NOT_FOUND']);
  }
  await setup.join('UUUUUU');
  // The first wait is 30 s (LOCKDOWN.md #17), a second or so already gone by the time it shows.
  await expect(refusal).toHaveText(/^Trop de codes erronés sur cette borne : réessayez dans (29|30) s\.$/);
  await expect(setup.current).toHaveText(frGroup['group.current.none']);
  await checkScreen(page, testInfo, 'group-join-throttled');
});
