import type { Locator, Page } from '@playwright/test';
import type { Profile } from '../../../shared/schemas/profile-schema';
import type { HappyPathCounter } from '../support/happy-path-figures';

/** The identity as typed at the terminal; the birth date in ISO form, split into Jour/Mois/Année. */
export interface TypedIdentity {
  lastName: string;
  firstName: string;
  birthDate: string;
  studentNumber: string;
}

export class IdentityPage {
  readonly lastName: Locator;
  readonly firstName: Locator;
  readonly birthDate: Locator;
  readonly day: Locator;
  readonly month: Locator;
  readonly year: Locator;
  readonly studentNumber: Locator;
  readonly submitButton: Locator;
  readonly errorSummary: Locator;

  constructor(
    private readonly page: Page,
    private readonly counter?: HappyPathCounter,
  ) {
    this.lastName = page.getByLabel('Nom', { exact: true });
    this.firstName = page.getByLabel('Prénom', { exact: true });
    this.birthDate = page.getByRole('group', { name: 'Date de naissance' });
    this.day = this.birthDate.getByLabel('Jour');
    this.month = this.birthDate.getByLabel('Mois');
    this.year = this.birthDate.getByLabel('Année');
    this.studentNumber = page.getByLabel('Numéro étudiant', { exact: true });
    this.submitButton = page.getByRole('button', { name: 'Continuer' });
    this.errorSummary = page.getByRole('region', { name: /informations? (est|sont) à corriger/ });
  }

  async fill(identity: TypedIdentity): Promise<void> {
    const [year = '', month = '', day = ''] = identity.birthDate.split('-');
    await this.lastName.fill(identity.lastName);
    await this.firstName.fill(identity.firstName);
    await this.day.fill(day);
    await this.month.fill(month);
    await this.year.fill(year);
    await this.studentNumber.fill(identity.studentNumber);
  }

  async submit(): Promise<void> {
    if (this.counter) await this.counter.tap(this.submitButton);
    else await this.submitButton.click();
  }

  /** Any profile's form, by its field labels; a birth date in ISO form goes into Jour/Mois/Année. */
  async fillFields(profile: Profile, values: Readonly<Record<string, string>>): Promise<void> {
    const type = async (field: Locator, value: string) => (this.counter ? this.counter.type(field, value) : field.fill(value));
    for (const field of profile.identity.fields) {
      const value = values[field.key] ?? '';
      if (field.kind === 'birthDate') {
        const group = this.page.getByRole('group', { name: field.label.fr });
        const [year = '', month = '', day = ''] = value.split('-');
        await type(group.getByLabel('Jour'), day);
        await type(group.getByLabel('Mois'), month);
        await type(group.getByLabel('Année'), year);
      } else {
        await type(this.page.getByLabel(field.label.fr, { exact: true }), value);
      }
    }
  }

  async submitIdentity(identity: TypedIdentity): Promise<void> {
    await this.fill(identity);
    await this.submit();
  }

  /** The error summary's entries (each a button that moves focus to its field). */
  summaryEntries(): Locator {
    return this.errorSummary.getByRole('button');
  }
}
