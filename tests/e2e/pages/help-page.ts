import type { Locator, Page } from '@playwright/test';

/**
 * The guided help: the node's heading (focused on arrival), its choices as large buttons, its
 * actions, "Retour", "Reprendre où j'en étais", and the "Aide" button every session screen shows.
 */
export class HelpPage {
  readonly main: Locator;
  readonly openButton: Locator;
  readonly backButton: Locator;
  readonly resumeButton: Locator;
  readonly steps: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
    this.openButton = page.getByRole('banner').getByRole('button', { name: 'Aide', exact: true });
    this.backButton = page.getByRole('button', { name: 'Retour', exact: true });
    this.resumeButton = page.getByRole('button', { name: 'Reprendre où j’en étais' });
    this.steps = page.getByRole('list', { name: 'Étapes à suivre' });
  }

  /** A choice or an action of the current node, by its words. */
  button(name: string | RegExp): Locator {
    return this.main.getByRole('button', { name });
  }

  async choose(name: string | RegExp): Promise<void> {
    await this.button(name).click();
  }

  qrCode(text: string): Locator {
    return this.page.getByRole('img', { name: `QR code : ${text}` });
  }
}
