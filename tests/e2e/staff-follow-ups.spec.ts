import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fleetRoutes, type HeartbeatRequest } from '../../shared/contract/fleet-api';
import { TerminalConfigSchema } from '../../shared/schemas/terminal-config-schema';
import { expect, test } from './fixtures';
import { StaffFleetPage, StaffFollowUpsPage } from './pages/staff-follow-ups-page';
import { checkScreen } from './support/screen-check';
import { createStaff, createTerminalToken, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';

/**
 * Issue 5 at the desk: another terminal of this server reports, in its heartbeat, two refusals
 * that came after the people had left. A person shows their receipt: the agent finds the
 * follow-up by its reference, reads what was refused in plain words and marks it handled. An
 * admin then opens the fleet and sees that terminal with the follow-up still open.
 */
test.use({ kioskLaunch: { mode: 'desk' } });

const HALL = 'borne-hall';
const SHOWN = 'SES-7K4Q-92XD';
const OTHER = 'SES-M3NP-4RT8';

/** What the hall terminal's heartbeat says, with its own token, as that terminal would send it. */
async function hallReports(dataDir: string): Promise<void> {
  const own = TerminalConfigSchema.parse(JSON.parse(readFileSync(join(dataDir, 'kiosk', 'terminal.json'), 'utf8')));
  const token = createTerminalToken(serverDirOf(dataDir), HALL);
  const refusedAt = new Date(Date.now() - 3_600_000).toISOString();
  const beat: HeartbeatRequest = {
    appVersion: '1.4.2',
    mode: 'shared',
    outboxDepth: 0,
    followUps: [
      { reference: SHOWN, kind: 'activation', code: 'ALREADY_ACTIVE', refusedAt },
      { reference: OTHER, kind: 'activation', code: 'CODE_EXPIRED', refusedAt },
    ],
  };
  const answer = await fetch(new URL(fleetRoutes.heartbeats.path, own.server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(beat),
  });
  expect(answer.status).toBe(200);
}

test('an agent finds a follow-up by the receipt reference and marks it handled; an admin sees the fleet', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const serverDir = serverDirOf(kiosk.dataDir);
  const agent = createStaff(serverDir, { username: 'agnes.martin', name: 'Agnès Martin', role: 'agent' });
  await hallReports(kiosk.dataDir);
  const desk = new StaffDesk(page);
  const followUps = new StaffFollowUpsPage(page);
  const fleet = new StaffFleetPage(page);

  await desk.openAndSignIn(agent);
  // Fleet is for admins: an agent is not offered it.
  await expect(fleet.openButton).toHaveCount(0);
  await desk.tap(followUps.openButton);
  await expect(followUps.heading).toBeVisible();
  await expect(followUps.status).toHaveText('2 suivi(s) ouvert(s)');
  await expect(followUps.card(SHOWN)).toContainText('Le compte a été activé ailleurs entre-temps');
  await expect(followUps.card(OTHER)).toContainText('Le code du courrier avait expiré');
  await checkScreen(page, testInfo, 'follow-ups-01-open');

  // The person shows the receipt; the agent types it as it comes.
  await desk.counter.type(followUps.reference, 'ses 7k4q 92xd');
  await desk.tap(followUps.searchButton);
  await expect(followUps.status).toHaveText(`1 suivi(s) pour la référence ${SHOWN}`);
  await expect(followUps.cards).toHaveCount(1);
  const card = followUps.card(SHOWN);
  await expect(card).toContainText('Activation du compte');
  await expect(card).toContainText(HALL);

  await desk.tap(card.getByRole('button', { name: 'Marquer comme traité' }));
  await expect(card.getByText(`Marquer le suivi ${SHOWN} comme traité ?`)).toBeFocused();
  await checkScreen(page, testInfo, 'follow-ups-02-confirm');
  await desk.tap(card.getByRole('button', { name: 'Oui, c’est traité' }));
  await expect(followUps.status).toHaveText(`Suivi ${SHOWN} marqué comme traité.`);
  await expect(card).toContainText('par agnes.martin');
  await expect(card.getByRole('button', { name: 'Marquer comme traité' })).toHaveCount(0);

  await desk.tap(page.getByRole('button', { name: 'Tous les suivis ouverts' }));
  await expect(followUps.status).toHaveText('1 suivi(s) ouvert(s)');
  await expect(followUps.card(OTHER)).toBeVisible();
  await expect(followUps.card(SHOWN)).toHaveCount(0);
  await desk.lock();

  const admin = createStaff(serverDir, { username: 'paul.admin', name: 'Paul Admin', role: 'admin' });
  await desk.openAndSignIn(admin);
  await desk.tap(fleet.openButton);
  await expect(fleet.heading).toBeVisible();
  const hall = fleet.terminal(HALL);
  await expect(hall).toContainText('1.4.2');
  await expect(hall).toContainText('libre-service');
  await expect(hall).toContainText('0 envoi(s) en attente');
  await expect(hall).toContainText('1 suivi(s) ouvert(s)');
  await checkScreen(page, testInfo, 'fleet-01');
  await desk.tap(page.getByRole('button', { name: 'Retour à la recherche' }));
  await expect(desk.lookupPage.heading).toBeVisible();
});

test('the follow-up screens work from the keyboard alone', async ({ page, kiosk, welcome }) => {
  void welcome;
  const agent = createStaff(serverDirOf(kiosk.dataDir), { username: 'agnes.martin', name: 'Agnès Martin', role: 'agent' });
  await hallReports(kiosk.dataDir);
  const desk = new StaffDesk(page);
  const followUps = new StaffFollowUpsPage(page);
  await desk.openAndSignIn(agent);
  await followUps.openButton.focus();
  await page.keyboard.press('Enter');
  await expect(followUps.status).toHaveText('2 suivi(s) ouvert(s)');
  await followUps.reference.focus();
  await page.keyboard.type(OTHER);
  await page.keyboard.press('Enter');
  await expect(followUps.status).toHaveText(`1 suivi(s) pour la référence ${OTHER}`);
  await followUps.card(OTHER).getByRole('button', { name: 'Marquer comme traité' }).focus();
  await page.keyboard.press('Enter');
  await expect(followUps.card(OTHER).getByText(`Marquer le suivi ${OTHER} comme traité ?`)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Oui, c’est traité' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(followUps.status).toHaveText(`Suivi ${OTHER} marqué comme traité.`);
});
