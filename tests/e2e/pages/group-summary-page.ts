import type { Locator, Page } from '@playwright/test';
import { frGroup } from '../../../shared/messages/fr-group';

/** The closing summary of a group session (issue 6): counts, and the CSV mailed to the staff member. */
export class GroupSummaryPage {
  readonly mailButton: Locator;
  readonly sent: Locator;
  readonly newSessionButton: Locator;

  constructor(private readonly page: Page) {
    this.mailButton = page.getByRole('button', { name: frGroup['group.summary.mail'] });
    this.sent = page.getByRole('status').filter({ hasText: frGroup['group.summary.sent'].split('{')[0] ?? '' });
    this.newSessionButton = page.getByRole('button', { name: frGroup['group.summary.new'] });
  }

  heading(label: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: frGroup['group.summary.heading'].replace('{label}', label) });
  }

  /** "Bornes ayant participé : N". */
  terminals(count: number): Locator {
    return this.page.getByText(frGroup['group.summary.terminals'].replace('{count}', String(count)), { exact: true });
  }

  /** "Participants : N". */
  total(count: number): Locator {
    return this.page.getByText(frGroup['group.summary.total'].replace('{count}', String(count)), { exact: true });
  }
}
