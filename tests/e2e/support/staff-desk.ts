import { expect, type Locator, type Page } from '@playwright/test';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { StaffBanner } from '../pages/staff-banner';
import { StaffDiagnosisPage } from '../pages/staff-diagnosis-page';
import { StaffLookupPage } from '../pages/staff-lookup-page';
import { StaffSignInPage } from '../pages/staff-sign-in-page';
import { HappyPathCounter } from './happy-path-figures';
import type { StaffAccount } from './staff-cli';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What staff do at the desk (issue 6), through the page objects, every tap and keystroke on a
 * staff screen counted in `counter` and every staff screen reached recorded by its heading, so a
 * case's staff effort can be written to test-results/staff-figures.json.
 */
export class StaffDesk {
  readonly signInPage: StaffSignInPage;
  readonly banner: StaffBanner;
  readonly lookupPage: StaffLookupPage;
  readonly diagnosis: StaffDiagnosisPage;
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    readonly counter = new HappyPathCounter(),
  ) {
    this.signInPage = new StaffSignInPage(page);
    this.banner = new StaffBanner(page);
    this.lookupPage = new StaffLookupPage(page);
    this.diagnosis = new StaffDiagnosisPage(page);
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async tap(target: Locator): Promise<void> {
    await this.counter.tap(target);
  }

  async reached(): Promise<void> {
    await this.counter.reached(this.heading);
  }

  /** "Espace personnel" → the sign-in screen. */
  async open(): Promise<void> {
    await this.tap(this.signInPage.entryButton);
    await expect(this.signInPage.heading).toBeVisible();
    await this.reached();
  }

  async signIn(account: StaffAccount): Promise<void> {
    await this.counter.type(this.signInPage.username, account.username);
    await this.counter.type(this.signInPage.password, account.password);
    await this.tap(this.signInPage.submitButton);
    await expect(this.lookupPage.heading).toBeVisible();
    await expect(this.banner.status).toContainText(`Mode assisté — ${account.name}`);
    await this.reached();
  }

  async openAndSignIn(account: StaffAccount): Promise<void> {
    await this.open();
    await this.signIn(account);
  }

  /** Picks the profile (when the terminal has several) and types its fields, never a letter secret. */
  async fillLookup(profile: Profile, values: Readonly<Record<string, string>>): Promise<void> {
    const radio = this.lookupPage.profile(new RegExp(`^${escapeRegExp(profile.title.fr)}`));
    if ((await radio.count()) > 0 && !(await radio.isChecked())) await this.tap(radio);
    for (const field of profile.identity.fields) {
      if (field.kind === 'credential') continue;
      const value = values[field.key] ?? '';
      if (field.kind === 'birthDate') {
        const group = this.page.getByRole('group', { name: field.label.fr });
        const [year = '', month = '', day = ''] = value.split('-');
        await this.counter.type(group.getByLabel('Jour'), day);
        await this.counter.type(group.getByLabel('Mois'), month);
        await this.counter.type(group.getByLabel('Année'), year);
      } else {
        await this.counter.type(this.lookupPage.field(field.label.fr), value);
      }
    }
  }

  /** Types the person's fields, "Rechercher", and waits for the diagnosis with this status. */
  async lookup(profile: Profile, values: Readonly<Record<string, string>>, status: string): Promise<void> {
    await this.fillLookup(profile, values);
    await this.tap(this.lookupPage.searchButton);
    await expect(this.diagnosis.heading).toHaveText(`Dossier : ${status}`);
    await this.reached();
  }

  async checkId(document = 'Carte d’identité'): Promise<void> {
    await this.diagnosis.idDocument.selectOption({ label: document });
    this.counter.taps += 1;
    await this.tap(this.diagnosis.idCheckButton);
    await expect(this.diagnosis.announcement).toHaveText('Vérification de la pièce d’identité enregistrée.');
  }

  /** "Émettre un nouveau code": the secret as shown (grouped), read once. */
  async issueCredential(): Promise<string> {
    await this.tap(this.diagnosis.issueButton);
    await expect(this.diagnosis.issued).toBeVisible();
    const shown = (await this.diagnosis.issued.locator('[data-secret]').textContent()) ?? '';
    expect(shown.trim()).not.toBe('');
    return shown.trim();
  }

  async secretHandedOver(): Promise<void> {
    await this.tap(this.diagnosis.secretHandedOverButton);
    await expect(this.diagnosis.issued).toHaveCount(0);
  }

  async correctEmail(email: string): Promise<void> {
    await this.counter.type(this.diagnosis.newEmail, email);
    await this.tap(this.diagnosis.correctEmailButton);
    await expect(this.diagnosis.announcement).toContainText('Adresse corrigée');
  }

  /** Reactivates and returns the new letter's provisional password, issued with it (shown once). */
  async reactivate(): Promise<string> {
    await this.tap(this.diagnosis.reactivateButton);
    await this.tap(this.diagnosis.confirmDialog.getByRole('button', { name: 'Oui, réactiver' }));
    await expect(this.diagnosis.announcement).toHaveText('Compte réactivé, nouveau courrier émis.');
    await expect(this.diagnosis.issued).toBeVisible();
    const shown = (await this.diagnosis.issued.locator('[data-secret]').textContent()) ?? '';
    expect(shown.trim()).not.toBe('');
    return shown.trim();
  }

  async liftThrottle(): Promise<void> {
    await this.tap(this.diagnosis.liftThrottleButton);
    await expect(this.diagnosis.announcement).toHaveText('Blocage levé.');
  }

  /** "Continuer avec la personne": the banner goes, the person's form opens. */
  async handOver(): Promise<void> {
    await this.tap(this.diagnosis.handOverButton);
    await expect(this.banner.region).toHaveCount(0);
    await expect(this.heading).toHaveText('Vos informations');
  }

  async lock(): Promise<void> {
    await this.tap(this.banner.lockButton);
    await expect(this.banner.region).toHaveCount(0);
  }
}
