import type { Locator, Page } from '@playwright/test';
import type { HappyPathCounter } from '../support/happy-path-figures';

/** Personal email, optional mobile, the charter box and "Activer". */
export class ContactPage {
  readonly email: Locator;
  readonly mobile: Locator;
  readonly terms: Locator;
  readonly activateButton: Locator;
  readonly lockedNote: Locator;

  constructor(
    page: Page,
    private readonly counter: HappyPathCounter,
  ) {
    this.email = page.getByLabel(/^Adresse mail personnelle/);
    this.mobile = page.getByLabel(/^Téléphone portable/);
    this.terms = page.getByRole('checkbox');
    this.activateButton = page.getByRole('button', { name: 'Activer' });
    this.lockedNote = page.locator('#terms-locked');
  }

  async fillEmail(email: string): Promise<void> {
    await this.counter.type(this.email, email);
  }

  async fillMobile(mobile: string): Promise<void> {
    await this.counter.type(this.mobile, mobile);
  }

  async acceptTerms(): Promise<void> {
    await this.counter.tap(this.terms);
  }

  async activate(): Promise<void> {
    await this.counter.tap(this.activateButton);
  }
}
