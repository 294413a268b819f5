import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DEMO_IDENTITIES, type DemoCase, type DemoIdentity } from '../../server/demo/demo-identities';
import { DonePage } from './pages/done-page';
import { IdentityPage } from './pages/identity-page';
import { KioskFrame } from './pages/kiosk-frame';
import { OutcomePage } from './pages/outcome-page';
import { PasswordPage } from './pages/password-page';
import { WelcomePage } from './pages/welcome-page';
import { startKiosk, type KioskLaunch, type RunningKiosk } from '../support/kiosk-process';

/**
 * Per test: a fresh temporary data folder and a real kiosk stack started on it, the page opened
 * on its one-time URL, and the page objects. `kioskLaunch` tunes the stack (short idle timers,
 * a terminal configuration file) with `test.use`.
 */
type KioskOptions = Omit<KioskLaunch, 'dataDir'>;

interface Fixtures {
  kioskLaunch: KioskOptions;
  dataDir: string;
  kiosk: RunningKiosk;
  frame: KioskFrame;
  welcome: WelcomePage;
  identity: IdentityPage;
  outcome: OutcomePage;
  password: PasswordPage;
  done: DonePage;
}

export const test = base.extend<Fixtures>({
  kioskLaunch: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  kiosk: async ({ dataDir, kioskLaunch }, use, testInfo) => {
    const kiosk = await startKiosk({ ...kioskLaunch, dataDir });
    try {
      await use(kiosk);
    } finally {
      await kiosk.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('kiosk-output.txt', { body: kiosk.output(), contentType: 'text/plain' });
      }
    }
  },
  frame: async ({ page, kiosk }, use) => {
    await page.goto(kiosk.url);
    await use(new KioskFrame(page));
  },
  welcome: async ({ frame, page }, use) => {
    const welcome = new WelcomePage(page);
    await expect(frame.heading).toHaveText('Bienvenue');
    await use(welcome);
  },
  identity: async ({ page }, use) => use(new IdentityPage(page)),
  outcome: async ({ page }, use) => use(new OutcomePage(page)),
  password: async ({ page }, use) => use(new PasswordPage(page)),
  done: async ({ page }, use) => use(new DonePage(page)),
});

export { expect };

/** The documented demo person for a case (resources/demo/README.md, server/demo/). */
export function demoPerson(expected: DemoCase, pick: (person: DemoIdentity) => boolean = () => true): DemoIdentity {
  const person = DEMO_IDENTITIES.find((candidate) => candidate.expected === expected && pick(candidate));
  if (!person) throw new Error(`no demo identity for ${expected}`);
  return person;
}

export function demoPeople(expected: DemoCase): DemoIdentity[] {
  return DEMO_IDENTITIES.filter((candidate) => candidate.expected === expected);
}
