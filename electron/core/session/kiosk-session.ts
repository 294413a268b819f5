import type { IdentityInput } from '../../../shared/policies/identity-rules';
import type { Profile, Terms } from '../../../shared/schemas/profile-schema';

/** What the server gave back for this person: held in memory only, never written down. */
export interface HeldActivation {
  activationId: string;
  login: string;
  email: string;
  /** Dropped as soon as the person typed it back correctly. */
  password: string | null;
  expiresAt: string;
  reference: string;
}

export interface HeldConfirmation {
  outboxId: number;
  reference: string;
  /** `pending`: queued while offline; the account is not usable yet. */
  state: 'active' | 'pending';
}

/**
 * A chosen password's outcome (issue 3): `active`, `awaitingEmail` until the emailed code comes
 * back (then `activationId` names it for the server), or `pending`, queued while offline.
 */
export interface HeldChoice {
  state: 'active' | 'awaitingEmail' | 'pending';
  login: string;
  email?: string;
  sentTo?: string;
  reference: string;
  activationId?: string;
  /** Set once the emailed code was accepted at this terminal. */
  emailConfirmed?: boolean;
}

/**
 * A recovery asked for in this session (parents-scolarite seed, "identifiant oublié" / "mot de
 * passe oublié"): the server's id, for the reset that follows, and the fields typed, so the new
 * password is checked against them (login, birth date) like a chosen one.
 */
export interface HeldRecovery {
  kind: 'password' | 'identifier';
  recoveryId: string;
  fields: IdentityInput;
  /** Set once the reset was accepted: a late second tap gets the same answer, nothing sent. */
  resetLogin?: string;
}

/** The help request sent in this session, so a second tap on the same form sends nothing. */
export interface HeldHelpRequest {
  /** The form as sent, compared with a later submit; in memory only, like everything here. */
  form: string;
  reference: string;
}

/**
 * One person's visit. Everything personal lives here and nowhere else in the back end, so
 * wiping is dropping this object's references (DESIGN.md "Security model": nothing of them
 * stays on the machine when they walk away).
 */
export class KioskSession {
  #profile: Profile;
  /**
   * Identity fields this person need not type: staff checked an identity document at the desk
   * and handed over (issue 6, `staffAssist.idCheck.waives`). The server decides whether the
   * reduced proof holds; the kiosk only stops requiring the fields.
   */
  readonly waived: readonly string[];
  #identity: IdentityInput | null = null;
  #activation: HeldActivation | null = null;
  #confirmation: HeldConfirmation | null = null;
  #choice: HeldChoice | null = null;
  #recovery: HeldRecovery | null = null;
  #helpRequest: HeldHelpRequest | null = null;
  #wiped = false;

  constructor(profile: Profile, waived: readonly string[] = []) {
    this.#profile = profile;
    this.waived = waived;
  }

  /** The profile this session started with: a config sync changes the next session's, not this one's. */
  get profile(): Profile {
    return this.#profile;
  }

  /**
   * The one exception (issue 5): the server refused the terms version this session showed, so
   * the person is shown the server's new terms and asked to accept them again; nothing else of
   * the profile changes mid-visit.
   */
  adoptTerms(terms: Terms): void {
    this.#profile = { ...this.#profile, terms };
  }

  get wiped(): boolean {
    return this.#wiped;
  }

  /** The identity the server found eligible in this session, if any. */
  get eligibleIdentity(): IdentityInput | null {
    return this.#identity;
  }

  get activation(): HeldActivation | null {
    return this.#activation;
  }

  get confirmation(): HeldConfirmation | null {
    return this.#confirmation;
  }

  get choice(): HeldChoice | null {
    return this.#choice;
  }

  get recovery(): HeldRecovery | null {
    return this.#recovery;
  }

  /** A password recovery still waiting for its reset: the reset screen's live checklist uses its fields. */
  get pendingPasswordRecovery(): HeldRecovery | null {
    const recovery = this.#recovery;
    return recovery?.kind === 'password' && recovery.resetLogin === undefined ? recovery : null;
  }

  get helpRequest(): HeldHelpRequest | null {
    return this.#helpRequest;
  }

  /** A new lookup starts over: what a previous identity unlocked (or a recovery) is forgotten. */
  resetIdentity(identity: IdentityInput | null): void {
    this.#identity = identity;
    this.#activation = null;
    this.#confirmation = null;
    this.#choice = null;
    this.#recovery = null;
  }

  /** The latest recovery replaces an earlier one: only its emailed code can reset. */
  holdRecovery(recovery: HeldRecovery | null): void {
    this.#recovery = recovery;
  }

  holdHelpRequest(request: HeldHelpRequest): void {
    this.#helpRequest = request;
  }

  holdActivation(activation: HeldActivation): void {
    this.#activation = activation;
    this.#confirmation = null;
  }

  holdChoice(choice: HeldChoice): void {
    this.#choice = choice;
  }

  /** The account can be signed in to now (the portal view, LOCKDOWN.md #15). */
  get accountActive(): boolean {
    return this.#confirmation?.state === 'active' || this.#choice?.state === 'active' || this.#recovery?.resetLogin !== undefined;
  }

  holdConfirmation(confirmation: HeldConfirmation): void {
    if (this.#activation) this.#activation = { ...this.#activation, password: null };
    this.#confirmation = confirmation;
  }

  wipe(): void {
    this.#identity = null;
    this.#activation = null;
    this.#confirmation = null;
    this.#choice = null;
    this.#recovery = null;
    this.#helpRequest = null;
    this.#wiped = true;
  }
}
