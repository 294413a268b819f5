import type { Locator, Page } from '@playwright/test';

export class OutcomePage {
  readonly main: Locator;
  readonly correctButton: Locator;
  readonly retryButton: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
    this.correctButton = page.getByRole('button', { name: 'Corriger mes informations' });
    this.retryButton = page.getByRole('button', { name: 'Réessayer' });
  }

  /** A QR code rendered for an address or URL, found by its accessible name. */
  qrCode(text: string): Locator {
    return this.page.getByRole('img', { name: `QR code : ${text}` });
  }

  timer(): Locator {
    return this.page.getByRole('timer');
  }

  async correct(): Promise<void> {
    await this.correctButton.click();
  }
}
