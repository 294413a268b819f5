import type { Locator, Page } from '@playwright/test';
import { frGroup } from '../../../shared/messages/fr-group';

type MemberState = 'done' | 'awaitingEmail' | 'waiting' | 'blocked';

/** The live board of a group session (issue 6): join code, counts, one row per member. */
export class GroupBoardPage {
  readonly joinCode: Locator;
  readonly table: Locator;
  readonly announcement: Locator;
  readonly trouble: Locator;
  readonly closeButton: Locator;
  readonly confirmCloseButton: Locator;
  readonly cancelCloseButton: Locator;
  readonly backButton: Locator;

  constructor(private readonly page: Page) {
    this.joinCode = page.getByRole('region', { name: frGroup['group.board.code'] }).locator('.join-code');
    this.table = page.getByRole('table', { name: frGroup['group.board.table'] });
    this.announcement = page.locator('[aria-live="polite"]');
    this.trouble = page.getByText(frGroup['group.board.trouble']);
    this.closeButton = page.getByRole('button', { name: frGroup['group.board.close'], exact: true });
    this.confirmCloseButton = page.getByRole('button', { name: frGroup['group.board.close.yes'] });
    this.cancelCloseButton = page.getByRole('button', { name: frGroup['group.board.close.no'], exact: true });
    this.backButton = page.getByRole('button', { name: frGroup['group.board.back'] });
  }

  heading(label: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: frGroup['group.board.heading'].replace('{label}', label) });
  }

  /** The count tile of a state ("3 Terminé"). */
  count(state: MemberState): Locator {
    return this.page.getByRole('region', { name: frGroup['group.board.counts'] }).locator(`li.${state} .count`);
  }

  /** A member's row, found by the name the list gave (row header). */
  row(label: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  /** The state cell of a member's row, in French. */
  stateOf(label: string): Locator {
    return this.row(label).getByRole('cell').nth(1);
  }

  reasonOf(label: string): Locator {
    return this.row(label).getByRole('cell').nth(2);
  }

  stateText(state: MemberState): string {
    return frGroup[`group.state.${state}`];
  }

  async close(): Promise<void> {
    await this.closeButton.click();
    await this.confirmCloseButton.click();
  }
}
