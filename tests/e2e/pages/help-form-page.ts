import type { Locator, Page } from '@playwright/test';

/** The ENT 77 parents' help form: topic radios, name, email, phone, message; then the reference. */
export class HelpFormPage {
  readonly main: Locator;
  readonly topics: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly message: Locator;
  readonly sendButton: Locator;
  readonly reference: Locator;

  constructor(page: Page) {
    this.main = page.getByRole('main');
    this.topics = page.getByRole('group', { name: 'Votre demande concerne' });
    this.name = page.getByLabel('Vos nom et prénom', { exact: true });
    this.email = page.getByLabel('Votre adresse mail', { exact: true });
    this.phone = page.getByLabel(/^Votre téléphone/);
    this.message = page.getByLabel('Votre message', { exact: true });
    this.sendButton = page.getByRole('button', { name: 'Envoyer la demande' });
    this.reference = page.locator('dl.account dd');
  }

  async pickTopic(label: string): Promise<void> {
    await this.topics.getByLabel(label).check();
  }
}
