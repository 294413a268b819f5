import type { Page } from '@playwright/test';
import { demoPerson, expect, test } from './fixtures';

/**
 * LOCKDOWN.md #20: after every wipe the page checks its fields, text, storage, cookies,
 * IndexedDB and Cache Storage, retries the wipe once, and refuses Welcome while a trace is left.
 * Each test breaks the wipe from the page (`page.evaluate`) just before the session ends.
 */
const person = demoPerson('eligible');

/** What the page still holds, read the way the kiosk's check reads it. */
function pageStorage(page: Page): Promise<{ local: number; session: number; cookie: string; databases: number; caches: number }> {
  return page.evaluate(`(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }))()`);
}

test('after "Terminer", storage written during the session is cleared before Welcome shows', async ({ page, frame, welcome, identity, password, done }) => {
  await welcome.start();
  await identity.fill(person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Votre mot de passe');
  await password.typeBack(await password.readPassword());
  await expect(done.finishButton).toBeVisible();

  await page.evaluate(`(async () => {
    sessionStorage.setItem('draft', ${JSON.stringify(person.identity.lastName)});
    localStorage.setItem('draft', ${JSON.stringify(person.identity.studentNumber)});
    document.cookie = 'draft=1; path=/';
    await new Promise((resolve) => { indexedDB.open('draft').onsuccess = (event) => { event.target.result.close(); resolve(); }; });
    await caches.open('draft');
  })()`);
  await done.finish();

  await expect(frame.heading).toHaveText('Bienvenue');
  await expect(welcome.activateButton).toBeVisible();
  expect(await pageStorage(page)).toEqual({ local: 0, session: 0, cookie: '', databases: 0, caches: 0 });
});

test('a typed value left in a field the reset does not reach is emptied before Welcome', async ({ page, frame, welcome, identity }) => {
  await welcome.start();
  await identity.fill(person.identity);
  await page.evaluate(`(() => {
    const stray = document.createElement('input');
    stray.id = 'stray';
    stray.value = ${JSON.stringify(person.identity.lastName)};
    document.body.append(stray);
  })()`);
  await frame.quit();

  await expect(frame.heading).toHaveText('Bienvenue');
  await expect(page.locator('#stray')).toHaveValue('');
});

test('a storage clear that silently does nothing is refused: no Welcome, a neutral screen', async ({ page, frame, welcome, identity }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await welcome.start();
  await identity.fill(person.identity);
  await page.evaluate(`(() => {
    sessionStorage.setItem('draft', ${JSON.stringify(person.identity.firstName)});
    Storage.prototype.clear = () => {};
    Storage.prototype.removeItem = () => {};
  })()`);
  await frame.quit();

  await expect(frame.heading).toHaveText('Borne momentanément indisponible');
  await expect(page.getByText('La borne doit être vérifiée avant la prochaine personne. Adressez-vous à l’accueil.')).toBeVisible();
  await expect(welcome.activateButton).toHaveCount(0);
  const left = await frame.visibleTextAndValues();
  for (const trace of Object.values(person.identity)) expect(left).not.toContain(trace);
  expect(errors).toContain('sesame: wipe verification failed (sessionStorage)');

  // "Réessayer" checks again: still dirty, still refused.
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(frame.heading).toHaveText('Borne momentanément indisponible');
  await expect(welcome.activateButton).toHaveCount(0);
});

test('the person’s name left on the page outside the app is refused', async ({ page, frame, welcome, identity }) => {
  await welcome.start();
  await identity.fill(person.identity);
  await page.evaluate(`(() => {
    const stray = document.createElement('p');
    stray.id = 'stray';
    stray.textContent = 'Bonjour ' + ${JSON.stringify(person.identity.lastName)};
    document.body.append(stray);
  })()`);
  await frame.quit();

  await expect(frame.heading).toHaveText('Borne momentanément indisponible');
  await expect(welcome.activateButton).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(person.identity.lastName);

  // Once the trace is gone, "Réessayer" lets Welcome back.
  await page.evaluate(`document.getElementById('stray').remove()`);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(frame.heading).toHaveText('Bienvenue');
});
