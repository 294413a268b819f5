import type { Locator, Page } from '@playwright/test';

export class WelcomePage {
  readonly activateButton: Locator;
  readonly helpButton: Locator;

  constructor(private readonly page: Page) {
    this.activateButton = page.getByRole('button', { name: /^(Activer mon compte numérique|Activate my digital account)$/ });
    this.helpButton = page.getByRole('button', { name: /^(Aide|Help)$/ });
  }

  async start(): Promise<void> {
    await this.activateButton.click();
  }

  async openHelp(): Promise<void> {
    await this.helpButton.click();
  }

  async backFromHelp(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Retour|Back)$/ }).click();
  }
}
