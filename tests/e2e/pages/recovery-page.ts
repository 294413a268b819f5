import type { Locator, Page } from '@playwright/test';

/** "Mot de passe oublié" / "Identifiant oublié": the request, the masked destination, the reset. */
export class RecoveryPage {
  readonly main: Locator;
  readonly email: Locator;
  readonly sendButton: Locator;
  readonly code: Locator;
  readonly codeProblem: Locator;
  readonly resetButton: Locator;
  readonly noMail: Locator;
  readonly login: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
    this.email = page.getByLabel('Adresse mail personnelle', { exact: true });
    this.sendButton = page.getByRole('button', { name: 'Envoyer', exact: true });
    this.code = page.getByLabel('Code reçu par mail', { exact: true });
    this.codeProblem = page.locator('#recovery-code-error');
    this.resetButton = page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' });
    this.noMail = page.getByText('Je ne reçois pas de mail');
    this.login = page.locator('dd.login');
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A birth date group, in ISO form, typed into Jour / Mois / Année. */
  async fillDate(groupName: string, iso: string): Promise<void> {
    const group = this.page.getByRole('group', { name: groupName });
    const [year = '', month = '', day = ''] = iso.split('-');
    await group.getByLabel('Jour').fill(day);
    await group.getByLabel('Mois').fill(month);
    await group.getByLabel('Année').fill(year);
  }

  sentSentence(masked: string): string {
    return `Si un compte correspond, un message a été envoyé à ${masked}.`;
  }
}
