import type { Locator, Page } from '@playwright/test';

/** What every screen shares: the one heading, the language switch, "Quitter", the idle dialog. */
export class KioskFrame {
  readonly heading: Locator;
  readonly quitButton: Locator;
  readonly idleDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.quitButton = page.getByRole('button', { name: /^(Quitter \/ Annuler|Quit \/ Cancel)$/ });
    this.idleDialog = page.getByRole('dialog');
  }

  async chooseLanguage(name: 'Français' | 'English'): Promise<void> {
    await this.page.getByRole('group', { name: /^(Langue|Language)$/ }).getByRole('button', { name }).click();
  }

  languageButton(name: 'Français' | 'English'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async quit(): Promise<void> {
    await this.quitButton.click();
  }

  async stayInSession(): Promise<void> {
    await this.idleDialog.getByRole('button', { name: /^(Continuer|Continue)$/ }).click();
  }

  /** Everything the page shows or holds in its form fields, for "nothing of the person is left". */
  async visibleTextAndValues(): Promise<string> {
    const text = await this.page.locator('body').innerText();
    const boxes = await this.page.getByRole('textbox').all();
    const values = await Promise.all(boxes.map((box) => box.inputValue()));
    return `${text}\n${values.join('\n')}`;
  }
}
