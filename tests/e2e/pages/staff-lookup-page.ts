import type { Locator, Page } from '@playwright/test';

/** "Rechercher un dossier" (issue 6): the profile, its identity fields (no letter secret), "Rechercher". */
export class StaffLookupPage {
  readonly heading: Locator;
  readonly profiles: Locator;
  readonly searchButton: Locator;
  readonly groupsButton: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Rechercher un dossier' });
    this.profiles = page.getByRole('group', { name: 'Public concerné' });
    this.searchButton = page.getByRole('button', { name: 'Rechercher', exact: true });
    this.groupsButton = page.getByRole('button', { name: 'Séances de groupe' });
    this.error = page.getByRole('alert');
  }

  /** A profile's radio, by the start of its French title. */
  profile(title: string | RegExp): Locator {
    return this.profiles.getByRole('radio', { name: title });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Birth dates are three boxes, labelled Jour / Mois / Année inside their group. */
  async fillBirthDate(groupLabel: string, day: string, month: string, year: string): Promise<void> {
    const group = this.page.getByRole('group', { name: groupLabel });
    await group.getByLabel('Jour').fill(day);
    await group.getByLabel('Mois').fill(month);
    await group.getByLabel('Année').fill(year);
  }

  async search(): Promise<void> {
    await this.searchButton.click();
  }
}
