import type { Locator, Page } from '@playwright/test';
import { fr } from '../../../shared/messages/fr';
import type { HappyPathCounter } from '../support/happy-path-figures';

/**
 * The generated password, read the way a screen reader hears it: each box's spoken form
 * ("Caractère 1 : A majuscule", "sept"), decoded back into characters.
 */
const DIGIT_WORDS = new Map<string, string>(
  Array.from({ length: 10 }, (_, digit) => [fr[`char.digit.${digit}` as keyof typeof fr], String(digit)]),
);

function decode(spoken: string): string {
  const spelled = spoken.replace(/^Caractère \d+ : /, '').trim();
  const letter = /^(\p{L}) (majuscule|minuscule)$/u.exec(spelled);
  if (letter?.[1]) return letter[2] === 'majuscule' ? letter[1].toUpperCase() : letter[1].toLowerCase();
  const digit = DIGIT_WORDS.get(spelled);
  if (digit === undefined) throw new Error(`cannot decode "${spoken}"`);
  return digit;
}

export class PasswordPage {
  readonly boxes: Locator;
  readonly typedInput: Locator;
  readonly confirmButton: Locator;
  readonly mismatchAlert: Locator;

  constructor(
    page: Page,
    private readonly counter?: HappyPathCounter,
  ) {
    this.boxes = page.getByRole('list', { name: 'Mot de passe généré' });
    this.typedInput = page.getByLabel(/^Recopiez votre mot de passe/);
    this.confirmButton = page.getByRole('button', { name: 'Valider' });
    this.mismatchAlert = page.getByRole('alert');
  }

  async readPassword(): Promise<string> {
    const spoken = await this.boxes.getByRole('listitem').getByText(/^Caractère \d+ : /).allTextContents();
    return spoken.map(decode).join('');
  }

  /** Boxes flagged as differing from the typed copy. */
  flaggedBoxes(): Locator {
    return this.boxes.getByText(/^Caractère \d+, à vérifier$/);
  }

  /** Types the copy and presses "Valider", counted as keystrokes and a tap when a counter is given. */
  async typeBack(value: string): Promise<void> {
    if (this.counter) {
      await this.counter.type(this.typedInput, value);
      await this.counter.tap(this.confirmButton);
      return;
    }
    await this.typedInput.fill(value);
    await this.confirmButton.click();
  }
}
