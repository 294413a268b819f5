import type { Locator, Page } from '@playwright/test';
import type { HappyPathCounter } from '../support/happy-path-figures';

/** The chosen password, typed twice, with its show/hide buttons and the live checklist. */
export class ChoosePasswordPage {
  readonly password: Locator;
  readonly confirmation: Locator;
  readonly showPassword: Locator;
  readonly checklist: Locator;
  readonly continueButton: Locator;
  readonly passwordError: Locator;
  readonly confirmationError: Locator;

  constructor(
    page: Page,
    private readonly counter: HappyPathCounter,
  ) {
    this.password = page.getByLabel('Nouveau mot de passe', { exact: true });
    this.confirmation = page.getByLabel('Confirmez le nouveau mot de passe', { exact: true });
    this.showPassword = page.getByRole('button', { name: /^(Afficher|Masquer) le mot de passe : Nouveau mot de passe$/ });
    this.checklist = page.getByRole('list', { name: 'Votre mot de passe doit respecter ces règles :' });
    this.continueButton = page.getByRole('button', { name: 'Continuer' });
    this.passwordError = page.locator('#new-password-error');
    this.confirmationError = page.locator('#confirm-password-error');
  }

  /** The checklist line of a rule, found by its words ("8 caractères minimum"). */
  line(words: string): Locator {
    return this.checklist.getByRole('listitem').filter({ hasText: words });
  }

  async choose(password: string, confirmation = password): Promise<void> {
    await this.counter.type(this.password, password);
    await this.counter.type(this.confirmation, confirmation);
    await this.counter.tap(this.continueButton);
  }
}
