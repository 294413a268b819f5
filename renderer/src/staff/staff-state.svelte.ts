import type { StaffActionResponse, Diagnosis, StaffIdentity } from '../../../shared/contract/staff-api';
import type { FieldProblem } from '../../../shared/contract/result';
import type { MessageKey, MessageParams } from '../../../shared/messages/translate';
import type { FormValues } from '../lib/identity/identity-form';

/** A sentence for the staff screens: an error above a button, or an announced outcome. */
export type StaffNotice = { key: MessageKey; params: MessageParams };
export type IssuedSecret = NonNullable<StaffActionResponse['issued']>;

/**
 * What the staff screens hold (issue 6): who is signed in, the lookup as typed, the current
 * diagnosis and a secret just issued. All of it goes at sign-out, auto-lock and hand-over
 * (`reset`), then the page is checked like after a person's session.
 */
class StaffState {
  #staff = $state.raw<StaffIdentity | null>(null);
  #profileId = $state('');
  #values = $state<FormValues>({});
  #problems = $state.raw<FieldProblem[]>([]);
  #diagnosis = $state.raw<Diagnosis | null>(null);
  #issued = $state.raw<IssuedSecret | null>(null);
  #error = $state.raw<StaffNotice | null>(null);
  #announcement = $state.raw<StaffNotice | null>(null);
  #busy = $state(false);
  #lockedNotice = $state(false);

  get staff(): StaffIdentity | null {
    return this.#staff;
  }
  get profileId(): string {
    return this.#profileId;
  }
  get values(): FormValues {
    return this.#values;
  }
  get problems(): FieldProblem[] {
    return this.#problems;
  }
  get diagnosis(): Diagnosis | null {
    return this.#diagnosis;
  }
  get issued(): IssuedSecret | null {
    return this.#issued;
  }
  get error(): StaffNotice | null {
    return this.#error;
  }
  get announcement(): StaffNotice | null {
    return this.#announcement;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get lockedNotice(): boolean {
    return this.#lockedNotice;
  }

  signedIn(staff: StaffIdentity): void {
    this.#staff = staff;
    this.#error = null;
    this.#lockedNotice = false;
  }

  /** A new profile empties the form: its fields are not the previous profile's. */
  chooseProfile(profileId: string, values: FormValues): void {
    this.#profileId = profileId;
    this.#values = values;
    this.#problems = [];
    this.#error = null;
  }

  showProblems(problems: FieldProblem[]): void {
    this.#problems = problems;
  }

  setDiagnosis(diagnosis: Diagnosis | null): void {
    this.#diagnosis = diagnosis;
  }

  setIssued(issued: IssuedSecret | null): void {
    this.#issued = issued;
  }

  setError(error: StaffNotice | null): void {
    this.#error = error;
  }

  announce(announcement: StaffNotice | null): void {
    this.#announcement = announcement;
  }

  setBusy(busy: boolean): void {
    this.#busy = busy;
  }

  showLockedNotice(shown: boolean): void {
    this.#lockedNotice = shown;
  }

  /** "Nouvelle recherche": the person's record and any secret go, the staff member stays. */
  clearCase(): void {
    this.#values = Object.fromEntries(Object.keys(this.#values).map((name) => [name, '']));
    this.#problems = [];
    this.#diagnosis = null;
    this.#issued = null;
    this.#error = null;
    this.#announcement = null;
  }

  reset(): void {
    this.#staff = null;
    this.#profileId = '';
    this.#values = {};
    this.#problems = [];
    this.#diagnosis = null;
    this.#issued = null;
    this.#error = null;
    this.#announcement = null;
    this.#busy = false;
  }
}

export const staffState = new StaffState();
