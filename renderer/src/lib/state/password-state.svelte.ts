import type { KioskOutput } from '../../../../shared/contract/kiosk-api';
import { differingPositions } from '../../../../shared/policies/generated-password';

type Issued = KioskOutput<'activation.submit'>;
type Confirmed = KioskOutput<'activation.confirmPassword'>;

/**
 * The generated password while it is on screen, the copy typed back, and the final receipt.
 * The password itself is dropped as soon as it is confirmed ("il ne sera plus affiché").
 */
class PasswordState {
  #password = $state('');
  #account = $state.raw<{ login: string; email: string } | null>(null);
  #typed = $state('');
  #mismatch = $state.raw<number[]>([]);
  #receipt = $state.raw<Confirmed | null>(null);

  get password(): string {
    return this.#password;
  }
  get account(): { login: string; email: string } | null {
    return this.#account;
  }
  get typed(): string {
    return this.#typed;
  }
  set typed(value: string) {
    this.#typed = value;
  }
  get mismatch(): number[] {
    return this.#mismatch;
  }
  get receipt(): Confirmed | null {
    return this.#receipt;
  }

  issue(issued: Issued): void {
    this.#password = issued.password;
    this.#account = { login: issued.login, email: issued.email };
    this.#typed = '';
    this.#mismatch = [];
    this.#receipt = null;
  }

  /** Compares the typed copy; true when it matches character for character. */
  check(): boolean {
    this.#mismatch = differingPositions(this.#password, this.#typed);
    return this.#mismatch.length === 0;
  }

  markMismatch(): void {
    const positions = differingPositions(this.#password, this.#typed);
    this.#mismatch = positions.length > 0 ? positions : [1];
  }

  confirm(receipt: Confirmed): void {
    this.#receipt = receipt;
    this.#password = '';
    this.#typed = '';
    this.#mismatch = [];
  }

  reset(): void {
    this.#password = '';
    this.#account = null;
    this.#typed = '';
    this.#mismatch = [];
    this.#receipt = null;
  }
}

export const passwordState = new PasswordState();
