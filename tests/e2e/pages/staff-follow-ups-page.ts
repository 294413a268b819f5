import type { Locator, Page } from '@playwright/test';

/** "Suivis en attente" (issue 5): the search by receipt reference, one card per follow-up. */
export class StaffFollowUpsPage {
  readonly openButton: Locator;
  readonly heading: Locator;
  readonly reference: Locator;
  readonly searchButton: Locator;
  readonly status: Locator;
  readonly cards: Locator;
  readonly backButton: Locator;

  constructor(page: Page) {
    this.openButton = page.getByRole('button', { name: 'Suivis en attente' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Suivis en attente' });
    this.reference = page.getByLabel('Référence du reçu');
    this.searchButton = page.getByRole('button', { name: 'Chercher', exact: true });
    this.status = page.locator('main [role="status"]').first();
    this.cards = page.getByRole('main').getByRole('listitem');
    this.backButton = page.getByRole('button', { name: 'Retour à la recherche' });
  }

  /** One follow-up's card, by its reference (its heading). */
  card(reference: string): Locator {
    return this.cards.filter({ has: this.cards.page().getByRole('heading', { level: 2, name: reference }) });
  }
}

/** "Parc des bornes" (issue 5, admins): one card per terminal, its flags in words. */
export class StaffFleetPage {
  readonly openButton: Locator;
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Parc des bornes' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Parc des bornes' });
  }

  terminal(id: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 2, name: new RegExp(`\\(${id}\\)`) }) });
  }
}
