import type { Locator, Page } from '@playwright/test';
import { frGroup } from '../../../shared/messages/fr-group';

/** Welcome on a kiosk that joined a group session (issue 6): the banner naming the session. */
export class GroupWelcomePage {
  constructor(private readonly page: Page) {}

  banner(label: string): Locator {
    return this.page.getByText(frGroup['group.welcome.banner'].replace('{label}', label), { exact: true });
  }

  /** Any group banner, whatever the session (to check it is gone once the session closed). */
  anyBanner(): Locator {
    return this.page.getByText(frGroup['group.welcome.banner'].split('{')[0] ?? '');
  }
}
