import type { Locator, Page } from '@playwright/test';

/** The "Mode assisté — {nom}" banner on every staff screen, and its "Verrouiller" button (issue 6). */
export class StaffBanner {
  readonly region: Locator;
  readonly status: Locator;
  readonly lockButton: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('banner', { name: 'Mode assisté' });
    this.status = this.region.getByRole('status');
    this.lockButton = this.region.getByRole('button', { name: 'Verrouiller' });
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}
