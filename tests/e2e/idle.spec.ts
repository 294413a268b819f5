import { demoPerson, expect, test } from './fixtures';
import { checkScreen } from './support/screen-check';

// The shortest idle timers a terminal accepts, so the wipe comes quickly.
test.use({ kioskLaunch: { idleTimeoutS: 6, idleWarningS: 4 } });

test('left alone, the session warns with a countdown, then wipes back to Welcome', async ({ page, frame, welcome, identity }, testInfo) => {
  const person = demoPerson('eligible');
  await welcome.start();
  await identity.fill(person.identity);

  await expect(frame.idleDialog).toBeVisible({ timeout: 30_000 });
  await expect(frame.idleDialog.getByRole('heading')).toHaveText('Êtes-vous toujours là ?');
  await expect(frame.idleDialog.getByRole('timer')).toHaveText(/^Fin de session dans \d+ s$/);
  await checkScreen(page, testInfo, 'idle-warning');

  await expect(frame.heading).toHaveText('Bienvenue', { timeout: 30_000 });
  await expect(frame.idleDialog).toBeHidden();
  const left = await frame.visibleTextAndValues();
  for (const trace of Object.values(person.identity)) expect(left).not.toContain(trace);
  await expect(frame.quitButton).toHaveCount(0);
});

test('"Continuer" keeps the session and what was typed', async ({ frame, welcome, identity }) => {
  const person = demoPerson('eligible');
  await welcome.start();
  await identity.fill(person.identity);
  await expect(frame.idleDialog).toBeVisible({ timeout: 30_000 });
  await frame.stayInSession();
  await expect(frame.idleDialog).toBeHidden();
  await expect(frame.heading).toHaveText('Vos informations');
  await expect(identity.studentNumber).toHaveValue(person.identity.studentNumber);
});
