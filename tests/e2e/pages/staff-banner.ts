import type { Locator, Page } from '@playwright/test';

/** The "Mode assisté — {nom}" banner on every staff screen, and its "Verrouiller" button (issue 6). */
export class StaffBanner {
  readonly region: Locator;
  readonly status: Locator;
  readonly lockButton: Locator;
  /** The same banner while the staff screens are in English ("Assisted mode", "Lock"). */
  readonly englishRegion: Locator;
  readonly englishLockButton: Locator;
  /** The Français / English switch, in the banner once signed in (above the sign-in screen before). */
  readonly languageSwitch: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('banner', { name: 'Mode assisté' });
    this.status = this.region.getByRole('status');
    this.lockButton = this.region.getByRole('button', { name: 'Verrouiller' });
    this.englishRegion = page.getByRole('banner', { name: 'Assisted mode' });
    this.englishLockButton = this.englishRegion.getByRole('button', { name: 'Lock', exact: true });
    this.languageSwitch = page.getByRole('banner').getByRole('group', { name: /^(Langue|Language)$/ });
  }

  languageButton(name: 'Français' | 'English'): Locator {
    return this.languageSwitch.getByRole('button', { name, exact: true });
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}
