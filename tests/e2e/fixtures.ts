import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DEMO_IDENTITIES, type DemoCase, type DemoIdentity } from '../../server/demo/demo-identities';
import { PROFILE_DEMO_PEOPLE, type LetterProfileId, type ProfileDemoCase, type ProfileDemoPerson } from '../../server/demo/profile-demo-people';
import { CODE_ALPHABET } from '../../shared/policies/secret-codes';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { ChoosePasswordPage } from './pages/choose-password-page';
import { ContactPage } from './pages/contact-page';
import { DonePage } from './pages/done-page';
import { EmailCodePage } from './pages/email-code-page';
import { HelpFormPage } from './pages/help-form-page';
import { HelpPage } from './pages/help-page';
import { IdentityPage } from './pages/identity-page';
import { KioskFrame } from './pages/kiosk-frame';
import { OutcomePage } from './pages/outcome-page';
import { PasswordPage } from './pages/password-page';
import { RecoveryPage } from './pages/recovery-page';
import { WelcomePage } from './pages/welcome-page';
import { HappyPathCounter } from './support/happy-path-figures';
import { secretsLeft, testSecrets } from './support/secret-scan';
import { startKiosk, type KioskLaunch, type RunningKiosk } from '../support/kiosk-process';

/**
 * Per test: a fresh temporary data folder, a real SMTP sink on loopback that receives the
 * server's mail, and a real kiosk stack started on them, the page opened on its one-time URL,
 * and the page objects, which count screens and keystrokes (`figures`). `kioskLaunch` tunes the
 * stack (short idle timers, a terminal configuration file) with `test.use`.
 */
type KioskOptions = Omit<KioskLaunch, 'dataDir'>;

interface Fixtures {
  kioskLaunch: KioskOptions;
  dataDir: string;
  mail: SmtpSink;
  figures: HappyPathCounter;
  kiosk: RunningKiosk;
  frame: KioskFrame;
  welcome: WelcomePage;
  identity: IdentityPage;
  outcome: OutcomePage;
  password: PasswordPage;
  done: DonePage;
  choose: ChoosePasswordPage;
  contact: ContactPage;
  emailCode: EmailCodePage;
  help: HelpPage;
  recovery: RecoveryPage;
  helpForm: HelpFormPage;
}

export const test = base.extend<Fixtures>({
  kioskLaunch: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  mail: async ({}, use) => {
    const sink = await startSmtpSink();
    await use(sink);
    await sink.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  figures: async ({}, use) => use(new HappyPathCounter()),
  kiosk: async ({ dataDir, kioskLaunch, mail }, use, testInfo) => {
    const kiosk = await startKiosk({ ...kioskLaunch, dataDir, env: { ...kioskLaunch.env, SESAME_SMTP_URL: mail.url } });
    try {
      await use(kiosk);
    } finally {
      await kiosk.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('kiosk-output.txt', { body: kiosk.output(), contentType: 'text/plain' });
      }
    }
    // Stopped: its database is closed, and what it left on disk is what a next person could find.
    expect(secretsLeft(join(dataDir, 'kiosk'), kiosk.output(), testSecrets(mail.messages)), 'test secrets left in the kiosk’s files or log').toEqual([]);
  },
  frame: async ({ page, kiosk }, use) => {
    await page.goto(kiosk.url);
    await use(new KioskFrame(page));
  },
  welcome: async ({ frame, page, figures }, use) => {
    const welcome = new WelcomePage(page, figures);
    await expect(frame.heading).toHaveText('Bienvenue');
    await use(welcome);
  },
  identity: async ({ page, figures }, use) => use(new IdentityPage(page, figures)),
  outcome: async ({ page }, use) => use(new OutcomePage(page)),
  password: async ({ page, figures }, use) => use(new PasswordPage(page, figures)),
  done: async ({ page }, use) => use(new DonePage(page)),
  choose: async ({ page, figures }, use) => use(new ChoosePasswordPage(page, figures)),
  contact: async ({ page, figures }, use) => use(new ContactPage(page, figures)),
  emailCode: async ({ page, figures }, use) => use(new EmailCodePage(page, figures)),
  help: async ({ page }, use) => use(new HelpPage(page)),
  recovery: async ({ page }, use) => use(new RecoveryPage(page)),
  helpForm: async ({ page }, use) => use(new HelpFormPage(page)),
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

/** The documented demo person of a letter or chosen-password profile for a case (server/demo/). */
export function profilePerson(profileId: LetterProfileId, expected: ProfileDemoCase): ProfileDemoPerson {
  const person = PROFILE_DEMO_PEOPLE.find((candidate) => candidate.profileId === profileId && candidate.expected === expected);
  if (!person) throw new Error(`no demo person for ${profileId} ${expected}`);
  return person;
}

/** The short code of an activation email (`K7P-4QX`), read from the message as received. */
export function emailedCode(text: string): string {
  const match = new RegExp(`\\b([${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3})\\b`).exec(text);
  if (!match?.[1]) throw new Error('no code in the activation email');
  return match[1];
}
