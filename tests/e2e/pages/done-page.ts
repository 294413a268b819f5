import type { Locator, Page } from '@playwright/test';

export class DonePage {
  readonly finishButton: Locator;
  readonly main: Locator;
  /** The values of the "Votre identifiant" / "Votre adresse de messagerie" list, in that order. */
  readonly login: Locator;
  readonly email: Locator;

  constructor(page: Page) {
    this.finishButton = page.getByRole('button', { name: /^(Terminer|Finish)$/ });
    this.main = page.getByRole('main');
    this.login = page.getByRole('definition').nth(0);
    this.email = page.getByRole('definition').nth(1);
  }

  async finish(): Promise<void> {
    await this.finishButton.click();
  }
}
