import type { Locator, Page } from '@playwright/test';

/** "Espace personnel" on the wizard, then the staff sign-in screen (issue 6). French labels. */
export class StaffSignInPage {
  readonly entryButton: Locator;
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly totp: Locator;
  readonly submitButton: Locator;
  readonly cancelButton: Locator;
  readonly error: Locator;
  readonly lockedNotice: Locator;

  constructor(page: Page) {
    this.entryButton = page.getByRole('button', { name: 'Espace personnel', exact: true });
    this.heading = page.getByRole('heading', { level: 1, name: 'Connexion du personnel' });
    this.username = page.getByLabel('Identifiant', { exact: true });
    this.password = page.getByLabel('Mot de passe', { exact: true });
    this.totp = page.getByLabel('Code à 6 chiffres', { exact: true });
    this.submitButton = page.getByRole('button', { name: 'Se connecter' });
    this.cancelButton = page.getByRole('button', { name: 'Annuler', exact: true });
    this.error = page.getByRole('alert');
    this.lockedNotice = page.getByRole('status').filter({ hasText: 'Espace personnel verrouillé' });
  }

  async open(): Promise<void> {
    await this.entryButton.click();
  }

  async signIn(username: string, password: string, totp?: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    if (totp !== undefined) await this.totp.fill(totp);
    await this.submitButton.click();
  }
}
