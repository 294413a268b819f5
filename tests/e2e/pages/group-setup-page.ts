import type { Locator, Page } from '@playwright/test';
import { frGroup } from '../../../shared/messages/fr-group';

/** Staff "Séances de groupe" (issue 6): open a session for a class or a pasted list, join one by code, leave it. */
export class GroupSetupPage {
  readonly heading: Locator;
  readonly label: Locator;
  readonly cohortSource: Locator;
  readonly csvSource: Locator;
  readonly cohort: Locator;
  readonly csv: Locator;
  readonly csvHint: Locator;
  readonly csvProblems: Locator;
  readonly openButton: Locator;
  readonly joinCode: Locator;
  readonly joinButton: Locator;
  readonly current: Locator;
  readonly boardButton: Locator;
  readonly leaveButton: Locator;
  readonly backButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: frGroup['group.setup.heading'] });
    this.label = page.getByLabel(frGroup['group.open.label'], { exact: true });
    this.cohortSource = page.getByRole('radio', { name: frGroup['group.open.source.cohort'] });
    this.csvSource = page.getByRole('radio', { name: frGroup['group.open.source.csv'] });
    this.cohort = page.getByLabel(frGroup['group.open.cohort'], { exact: true });
    this.csv = page.getByLabel(frGroup['group.open.csv'], { exact: true });
    this.csvHint = page.locator('#group-csv-hint');
    this.csvProblems = page.locator('#group-csv-problems li');
    this.openButton = page.getByRole('button', { name: frGroup['group.open.submit'] });
    this.joinCode = page.getByLabel(frGroup['group.join.code'], { exact: true });
    this.joinButton = page.getByRole('button', { name: frGroup['group.join.submit'], exact: true });
    this.current = page.getByRole('region', { name: frGroup['group.current.heading'] }).getByRole('status');
    this.boardButton = page.getByRole('button', { name: frGroup['group.current.board'] });
    this.leaveButton = page.getByRole('button', { name: frGroup['group.current.leave'] });
    this.backButton = page.getByRole('button', { name: frGroup['group.setup.back'] });
  }

  /** The procedure radio, by the profile's French title. */
  profile(title: string): Locator {
    return this.page.getByRole('radio', { name: title, exact: true });
  }

  /** Opens a session on a cohort; `cohort` is the class name as listed ("3eB"). */
  async openCohort(profileTitle: string, label: string, cohort: string): Promise<void> {
    await this.profile(profileTitle).check();
    await this.label.fill(label);
    await this.cohortSource.check();
    await this.cohort.selectOption({ value: cohort });
    await this.openButton.click();
  }

  /** Opens a session on a pasted CSV (header line included). */
  async openCsv(profileTitle: string, label: string, csv: string): Promise<void> {
    await this.profile(profileTitle).check();
    await this.label.fill(label);
    await this.csvSource.check();
    await this.csv.fill(csv);
    await this.openButton.click();
  }

  async join(code: string): Promise<void> {
    await this.joinCode.fill(code);
    await this.joinButton.click();
  }
}
