import type { KioskOutput, LinkQuality } from '../../../../shared/contract/kiosk-api';
import type { AppError } from '../../../../shared/contract/result';
import type { Profile } from '../../../../shared/schemas/profile-schema';

type TerminalDescription = KioskOutput<'terminal.describe'>;

export type Screen =
  | 'loading'
  | 'unavailable'
  | 'welcome'
  | 'helpChooser'
  | 'help'
  | 'identity'
  | 'outcome'
  | 'password'
  | 'choose'
  | 'contact'
  | 'emailCode'
  | 'done'
  | 'portal'
  | 'recovery'
  | 'recoverySent'
  | 'recoveryDone'
  | 'helpForm'
  | 'helpFormSent';

/** Which screen is up, the terminal it runs on, and the current person's profile and outcome. */
class WizardState {
  #screen = $state<Screen>('loading');
  #terminal = $state.raw<TerminalDescription | null>(null);
  #profile = $state.raw<Profile | null>(null);
  #outcome = $state.raw<AppError | null>(null);
  #busy = $state(false);
  #online = $state(true);
  #quality = $state<LinkQuality>('online');
  #pending = $state(0);

  get screen(): Screen {
    return this.#screen;
  }
  get terminal(): TerminalDescription | null {
    return this.#terminal;
  }
  get profile(): Profile | null {
    return this.#profile;
  }
  get outcome(): AppError | null {
    return this.#outcome;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get online(): boolean {
    return this.#online;
  }
  /** Online, online but slow, offline (issue 5): what the banners and the footer say. */
  get quality(): LinkQuality {
    return this.#quality;
  }
  get pending(): number {
    return this.#pending;
  }

  show(screen: Screen): void {
    this.#screen = screen;
  }

  describe(terminal: TerminalDescription): void {
    this.#terminal = terminal;
    this.#online = terminal.online;
    this.#quality = terminal.quality;
  }

  syncState(online: boolean, quality: LinkQuality, pending: number): void {
    this.#online = online;
    this.#quality = quality;
    this.#pending = pending;
  }

  /** A session starts on the identity form, or on the help tree (idf-lycee, "Besoin d'aide ?"). */
  begin(profile: Profile, screen: 'identity' | 'help' = 'identity'): void {
    this.#profile = profile;
    this.#outcome = null;
    this.#screen = screen;
  }

  showOutcome(error: AppError): void {
    this.#outcome = error;
    this.#screen = 'outcome';
  }

  setBusy(busy: boolean): void {
    this.#busy = busy;
  }

  /** Forget the person: back to Welcome, keeping only what describes the terminal. */
  reset(): void {
    this.#profile = null;
    this.#outcome = null;
    this.#busy = false;
    this.#screen = this.#terminal ? 'welcome' : 'loading';
  }
}

export const wizard = new WizardState();
