import type { Locator, Page } from '@playwright/test';
import type { HappyPathCounter } from '../support/happy-path-figures';

/** The code from the activation email, typed at the kiosk; resend; "Je n'ai rien reçu". */
export class EmailCodePage {
  readonly code: Locator;
  readonly validateButton: Locator;
  readonly resendButton: Locator;
  readonly help: Locator;
  readonly problem: Locator;
  readonly main: Locator;

  constructor(
    page: Page,
    private readonly counter: HappyPathCounter,
  ) {
    this.code = page.getByLabel('Code reçu par mail', { exact: true });
    this.validateButton = page.getByRole('button', { name: 'Valider' });
    this.resendButton = page.getByRole('button', { name: 'Renvoyer le message' });
    this.help = page.getByText('Je n’ai rien reçu');
    this.problem = page.locator('#email-code-error');
    this.main = page.getByRole('main');
  }

  async confirm(code: string): Promise<void> {
    await this.counter.type(this.code, code);
    await this.counter.tap(this.validateButton);
  }
}
